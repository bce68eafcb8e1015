using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>
/// The parameters one <c>hbv</c> configuration asks a learner for, in output order: the twelve of the original HBV,
/// then BETAET (δ variant), then ROUTE_A and ROUTE_THETA (with routing).
/// </summary>
internal sealed class HbvParameterLayout
{
    private readonly Dictionary<string, int> index;

    public HbvParameterLayout(HbvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = new List<HbvParameter>(HbvParameter.Core);
        if (options.Variant == HbvVariant.Delta)
        {
            all.Add(HbvParameter.Gamma);
        }

        if (options.Routing)
        {
            all.AddRange(HbvParameter.Routing);
        }

        Parameters = all;
        index = all.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var dynamic = options.DynamicParameters.ToHashSet(StringComparer.Ordinal);
        Specs = [.. all.Select(p =>
        {
            var range = p.Range(options.ParameterRanges);
            return new ParameterSpec(p.Name, range[0], range[1], dynamic.Contains(p.Name), p.Unit, p.Description);
        })];
        Request = new ParameterRequest(Specs, options.Nmul);
    }

    /// <summary>The parameters in output order.</summary>
    public IReadOnlyList<HbvParameter> Parameters { get; }

    /// <summary>The specs with the configured ranges and dynamic flags, in output order.</summary>
    public IReadOnlyList<ParameterSpec> Specs { get; }

    /// <summary>What the learner must produce.</summary>
    public ParameterRequest Request { get; }

    /// <summary>Position of <paramref name="name"/> on the parameter axis.</summary>
    public int IndexOf(string name) => index[name];

    /// <summary>True when the configuration has <paramref name="name"/>.</summary>
    public bool Has(string name) => index.ContainsKey(name);
}
