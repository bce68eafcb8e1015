namespace Hydro.Core.Experiments;

/// <summary>The three loading stages; each runs only when the previous one found no errors.</summary>
public enum ExperimentLoadStage
{
    /// <summary>Reading and parsing the YAML: size, encoding, tabs, syntax, duplicate keys, aliases, <c>${ENV}</c>.</summary>
    Parse,

    /// <summary>JSON Schema validation of the document and of every component block.</summary>
    Schema,

    /// <summary>Binding to the typed options and the cross-field rules.</summary>
    Bind,
}
