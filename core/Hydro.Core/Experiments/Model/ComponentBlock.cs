using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Core.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// A component block after loading: the <c>type:</c> key, the component it resolved to and its bound options.
/// The loader fills <see cref="Descriptor"/> and <see cref="Options"/>; they are never null in a loaded experiment.
/// </summary>
public sealed class ComponentBlock
{
    /// <summary>The component key (<c>type:</c>), e.g. <c>lstm</c>.</summary>
    [Required]
    [Description("The component key, e.g. 'lstm'; the other keys of the block are that component's options.")]
    public string Type { get; init; } = "";

    /// <summary>The component the key resolved to.</summary>
    public ComponentDescriptor Descriptor { get; internal set; } = null!;

    /// <summary>The component's options, an instance of <see cref="ComponentDescriptor.OptionsType"/>.</summary>
    public object Options { get; internal set; } = null!;

    /// <summary>The options as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The component's options class is not <typeparamref name="T"/>.</exception>
    public T OptionsAs<T>() => (T)Options;
}
