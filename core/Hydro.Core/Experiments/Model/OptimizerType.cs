using System.Text.Json.Serialization;

namespace Hydro.Core.Experiments.Model;

/// <summary>The optimisers an experiment can name.</summary>
public enum OptimizerType
{
    /// <summary>Adam (Kingma and Ba, 2015).</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter, 2019).</summary>
    [JsonStringEnumMemberName("adamw")]
    AdamW,

    /// <summary>Stochastic gradient descent with optional momentum.</summary>
    Sgd,
}
