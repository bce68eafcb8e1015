using Hydro.Core.Components;
using Hydro.Core.Experiments.Binding;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Experiments.Yaml;

namespace Hydro.Core.Experiments;

/// <summary>
/// Loads experiment YAML files in three stages — parse, schema, bind — reporting all errors of a stage together
/// and stopping after the first stage with errors. Bad input never throws: it comes back as
/// <see cref="ExperimentLoadResult.Errors"/>, each naming the line, the YAML path, the rule and the value seen.
/// </summary>
public sealed class ExperimentLoader
{
    private readonly ComponentCatalog catalog;
    private readonly ExperimentLoaderOptions options;
    private readonly SchemaValidator validator;

    /// <summary>A loader resolving component blocks in <paramref name="catalog"/>.</summary>
    public ExperimentLoader(ComponentCatalog catalog, ExperimentLoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
        this.options = options ?? new ExperimentLoaderOptions();
        validator = new SchemaValidator(catalog);
    }

    /// <summary>Loads a file; a missing or unreadable file is an error in the result, too.</summary>
    public ExperimentLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorSink(path, ExperimentLoadStage.Parse);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(1, 1, "", "file exists", null, "the experiment file does not exist");
                return ExperimentLoadResult.Failure(errors.Sorted());
            }

            if (info.Length > options.MaxFileBytes)
            {
                return TooLarge(errors, info.Length);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(1, 1, "", "readable file", null, $"the experiment file cannot be read: {ex.Message}");
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        return LoadBytes(bytes, errors);
    }

    /// <summary>Loads YAML text; <paramref name="fileName"/> is only used in messages.</summary>
    public ExperimentLoadResult LoadText(string yaml, string fileName = "experiment.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorSink(fileName, ExperimentLoadStage.Parse);
        if ((long)yaml.Length > options.MaxFileBytes)
        {
            return TooLarge(errors, yaml.Length);
        }

        return InputGuard.CheckText(yaml, errors) ? Run(yaml, errors) : ExperimentLoadResult.Failure(errors.Sorted());
    }

    private ExperimentLoadResult TooLarge(ErrorSink errors, long size)
    {
        errors.Add(1, 1, "", $"at most {options.MaxFileBytes} bytes", $"{size} bytes",
            $"the file is {size / 1024.0 / 1024.0:F1} MiB; experiment files are small (the limit is {options.MaxFileBytes / 1024 / 1024} MiB): is this the right file?");
        return ExperimentLoadResult.Failure(errors.Sorted());
    }

    private ExperimentLoadResult LoadBytes(byte[] bytes, ErrorSink errors)
    {
        var text = InputGuard.Decode(bytes, errors);
        return text is not null && InputGuard.CheckText(text, errors) ? Run(text, errors) : ExperimentLoadResult.Failure(errors.Sorted());
    }

    private ExperimentLoadResult Run(string text, ErrorSink errors)
    {
        // (a) parse
        var limits = new ParseLimits(options.MaxFileBytes, options.MaxNodes, options.MaxDepth);
        var used = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        string? Lookup(string name) => used[name] = options.Environment(name);
        var root = new YamlTreeReader(errors, limits, Lookup).Read(text);
        if (errors.Count > 0)
        {
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        if (root is null || (root is YamlScalarValue s && YamlScalars.IsNull(s)))
        {
            errors.Add(1, 1, "", "not empty", null, "experiment file is empty (or holds only comments)");
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        if (root is not YamlMappingValue document)
        {
            errors.Add(root.Line, root.Column, "", "top-level mapping", root.Display,
                "the top level must be a mapping of keys (experiment_name:, dataset:, model: ...)");
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        // (b) schema
        errors.Stage = ExperimentLoadStage.Schema;
        validator.Validate(document, errors);
        if (errors.Count > 0)
        {
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        // (c) bind and cross-field rules
        errors.Stage = ExperimentLoadStage.Bind;
        var binder = new OptionsBinder(errors, (slot, block, path) => BindComponent(slot, block, path, errors));
        var bound = (ExperimentOptions?)binder.BindObject(typeof(ExperimentOptions), document, "");
        if (bound is null || errors.Count > 0)
        {
            return ExperimentLoadResult.Failure(errors.Sorted());
        }

        new CrossFieldRules(document, errors).Check(bound, options.DataBounds);
        if (errors.Count == 0 && options.CheckData)
        {
            new CrossFieldRules(document, errors).CheckData(new Experiment(errors.File, bound, used));
        }

        if (errors.Count == 0 && options.CheckStartingPoints)
        {
            new CrossFieldRules(document, errors).CheckStartingPointFiles(new Experiment(errors.File, bound, used));
        }

        return errors.Count > 0 ? ExperimentLoadResult.Failure(errors.Sorted()) : ExperimentLoadResult.Success(new Experiment(errors.File, bound, used));
    }

    private ComponentBlock? BindComponent(ComponentSlotAttribute slot, YamlMappingValue block, string path, ErrorSink errors)
    {
        var key = ((YamlScalarValue)block.Get("type")!).Text;
        var descriptor = catalog.Find(slot.Kind, key)!; // resolved in stage (b)
        var binder = new OptionsBinder(errors, (s, b, p) => BindComponent(s, b, p, errors));
        var bound = binder.BindObject(descriptor.OptionsType, block, path, "type");
        return bound is null ? null : new ComponentBlock { Type = key, Descriptor = descriptor, Options = bound };
    }
}
