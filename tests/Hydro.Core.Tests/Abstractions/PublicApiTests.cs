using System.Reflection;
using System.Runtime.CompilerServices;
using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Tests.Abstractions;

/// <summary>
/// Hydro.Abstractions is the contract with every plugin: its public surface is recorded in
/// core/Hydro.Abstractions/PublicAPI.txt with the assembly version, and this test fails when the two differ. After an
/// intended change regenerate the file with <c>HYDRO_UPDATE_API=1 dotnet test --filter PublicApi</c>, and raise the
/// version in Hydro.Abstractions.csproj (minor for additions, major for anything a built plugin could rely on).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ThePublicSurfaceIsTheRecordedOne()
    {
        var file = Path.Combine(RepositoryRoot(), "core", "Hydro.Abstractions", "PublicAPI.txt");
        var fresh = Describe(typeof(IBackbone).Assembly);
        if (Environment.GetEnvironmentVariable("HYDRO_UPDATE_API") == "1")
        {
            File.WriteAllText(file, fresh);
        }

        Assert.True(File.Exists(file), $"{file} is missing; create it with HYDRO_UPDATE_API=1");
        var recorded = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (recorded != fresh)
        {
            var added = fresh.Split('\n').Except(recorded.Split('\n')).Take(10);
            var removed = recorded.Split('\n').Except(fresh.Split('\n')).Take(10);
            Assert.Fail($"the public API of Hydro.Abstractions changed; added: [{string.Join("; ", added)}], removed: [{string.Join("; ", removed)}]. "
                + "If intended, regenerate PublicAPI.txt with HYDRO_UPDATE_API=1 and consider the version in Hydro.Abstractions.csproj.");
        }
    }

    [Fact]
    public void TheDescriptionSeesMembersAndSignatures()
    {
        var text = Describe(typeof(IBackbone).Assembly);
        Assert.StartsWith("assembly Hydro.Abstractions ", text, StringComparison.Ordinal);
        Assert.Contains("interface Hydro.Abstractions.Contracts.IBackbone", text, StringComparison.Ordinal);
        Assert.Contains("  method Hydro.Abstractions.Contracts.BackboneOutputs Forward(Hydro.Abstractions.Contracts.Batch batch, Hydro.Torch.Tensor parameters)", text, StringComparison.Ordinal);
        Assert.Contains("protected abstract method Hydro.Abstractions.Contracts.BackboneOutputs ForwardCore(", text, StringComparison.Ordinal);
    }

    /// <summary>One line per public type and per public or protected member, sorted, after the assembly's name and version.</summary>
    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var m in type.GetMembers(all))
            {
                if (Describe(m) is { } line)
                {
                    members.Add("  " + line);
                }
            }

            lines.AddRange(members.Order(StringComparer.Ordinal));
        }

        var version = assembly.GetName().Version;
        return $"assembly {assembly.GetName().Name} {version}\n" + string.Join("\n", lines) + "\n";
    }

    private static string? Describe(MemberInfo m)
    {
        switch (m)
        {
            case ConstructorInfo c when Visible(c):
                return $"{Access(c)}ctor({Parameters(c)})";
            case MethodInfo method when Visible(method) && !method.IsSpecialName:
                return $"{Access(method)}{Modifiers(method)}method {Name(method.ReturnType)} {method.Name}{Generic(method)}({Parameters(method)})";
            case PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s && Visible(s)):
                var get = p.GetMethod is { } gm && Visible(gm) ? " get;" : "";
                var set = p.SetMethod is { } sm && Visible(sm) ? (sm.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? " init;" : " set;") : "";
                var accessor = p.GetMethod ?? p.SetMethod!;
                return $"{Access(accessor)}{Modifiers(accessor)}property {Name(p.PropertyType)} {p.Name} {{{get}{set} }}";
            case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                return $"{(f.IsFamily || f.IsFamilyOrAssembly ? "protected " : "")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}field {Name(f.FieldType)} {f.Name}";
            case EventInfo e when e.AddMethod is { } add && Visible(add):
                return $"event {Name(e.EventHandlerType!)} {e.Name}";
            default:
                return null;
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "" : "protected ";

    private static string Modifiers(MethodBase m) =>
        m.IsStatic ? "static " : m.IsAbstract && !m.DeclaringType!.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && !m.DeclaringType!.IsInterface ? "virtual " : "";

    private static string Generic(MethodInfo m) => m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : typeof(Delegate).IsAssignableFrom(t) ? "delegate"
        : t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : t.IsSealed ? "sealed class" : "class";

    private static string Bases(Type t)
    {
        var bases = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(t.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static string Name(Type t)
    {
        if (t.IsByRef)
        {
            return Name(t.GetElementType()!);
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        var name = t.IsNested ? $"{Name(t.DeclaringType!)}.{t.Name}" : $"{t.Namespace}.{t.Name}";
        if (t.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }

    private static string RepositoryRoot([CallerFilePath] string here = "")
    {
        var folder = Path.GetDirectoryName(here);
        while (folder is not null && !File.Exists(Path.Combine(folder, "Framework.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException($"no Framework.sln above {here}");
    }
}
