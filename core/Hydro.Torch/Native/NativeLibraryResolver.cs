using System.Reflection;
using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>
/// Finds libhydro_torch: <c>HYDRO_TORCH_NATIVE</c> (a file path) when set — e.g. a CUDA build of the shim —
/// otherwise the copy beside the assembly, otherwise the loader's default search.
/// </summary>
internal static class NativeLibraryResolver
{
    private static int registered;

    internal static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Lib)
        {
            return IntPtr.Zero;
        }

        var overridePath = Environment.GetEnvironmentVariable("HYDRO_TORCH_NATIVE");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return NativeLibrary.Load(overridePath);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "libhydro_torch.so");
        if (File.Exists(beside))
        {
            return NativeLibrary.Load(beside);
        }

        return NativeLibrary.TryLoad(name, assembly, searchPath, out var handle) ? handle : IntPtr.Zero;
    }
}
