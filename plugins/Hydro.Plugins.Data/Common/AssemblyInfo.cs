using System.Runtime.CompilerServices;

// The parsers and the Hargreaves formula are tested directly.
[assembly: InternalsVisibleTo("Hydro.Plugins.Data.Tests")]
