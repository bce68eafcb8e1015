using System.Reflection;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;
using Hydro.Core.Plugins;
using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Plugins.Data.CamelsUs;
using Hydro.Plugins.Data.Caravan;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Losses.Kge;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Losses.Rmse;
using Hydro.Plugins.Losses.RmseLogSqrt;
using Hydro.Plugins.Lstm.EaLstm;
using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Plugins.Lstm.Learners;
using Hydro.Plugins.Lstm.Lstm;

namespace Hydro.Plugins.Tests;

public class RegistrationTests
{
    public static TheoryData<string, ComponentKind, string, Type, Type> Components => new()
    {
        { "Hydro.Plugins.Losses", ComponentKind.Loss, "mse", typeof(MseLoss), typeof(MseOptions) },
        { "Hydro.Plugins.Losses", ComponentKind.Loss, "nse_star", typeof(NseStarLoss), typeof(NseStarOptions) },
        { "Hydro.Plugins.Losses", ComponentKind.Loss, "rmse", typeof(RmseLoss), typeof(RmseOptions) },
        { "Hydro.Plugins.Losses", ComponentKind.Loss, "rmse_logsqrt", typeof(RmseLogSqrtLoss), typeof(RmseLogSqrtOptions) },
        { "Hydro.Plugins.Losses", ComponentKind.Loss, "kge", typeof(KgeLoss), typeof(KgeOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.Backbone, "lstm", typeof(LstmBackbone), typeof(LstmOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.Backbone, "ealstm", typeof(EaLstmBackbone), typeof(EaLstmOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.Backbone, "fhnn", typeof(FhnnBackbone), typeof(FhnnOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.ParameterLearner, "lstm", typeof(LstmLearner), typeof(LstmLearnerOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.ParameterLearner, "mlp", typeof(MlpLearner), typeof(MlpLearnerOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.ParameterLearner, "free", typeof(FreeLearner), typeof(FreeLearnerOptions) },
        { "Hydro.Plugins.Lstm", ComponentKind.ParameterLearner, "fixed", typeof(FixedLearner), typeof(FixedLearnerOptions) },
        { "Hydro.Plugins.Hbv", ComponentKind.Backbone, "hbv", typeof(HbvBackbone), typeof(HbvOptions) },
        { "Hydro.Plugins.Attention", ComponentKind.Backbone, "hydrotrace", typeof(HydroTraceBackbone), typeof(HydroTraceOptions) },
        { "Hydro.Plugins.Data", ComponentKind.Dataset, "synthetic", typeof(SyntheticDataset), typeof(SyntheticOptions) },
        { "Hydro.Plugins.Data", ComponentKind.Dataset, "synthetic_grid", typeof(Hydro.Plugins.Data.SyntheticGrid.SyntheticGridDataset), typeof(Hydro.Plugins.Data.SyntheticGrid.SyntheticGridOptions) },
        { "Hydro.Plugins.Data", ComponentKind.Dataset, "netcdf_grid", typeof(Hydro.Plugins.Data.NetCdfGrid.NetCdfGridDataset), typeof(Hydro.Plugins.Data.NetCdfGrid.NetCdfGridOptions) },
        { "Hydro.Plugins.Data", ComponentKind.Dataset, "camels_us", typeof(CamelsUsDataset), typeof(CamelsUsOptions) },
        { "Hydro.Plugins.Data", ComponentKind.Dataset, "caravan", typeof(CaravanDataset), typeof(CaravanOptions) },
    };

    private static ComponentCatalog LoadAll()
    {
        var catalog = new ComponentCatalog();
        var loader = new PluginLoader();
        foreach (var assembly in new[] { typeof(MseLoss).Assembly, typeof(LstmBackbone).Assembly, typeof(SyntheticDataset).Assembly, typeof(HbvBackbone).Assembly, typeof(HydroTraceBackbone).Assembly })
        {
            var result = loader.LoadBuiltIn(assembly, catalog);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        }

        return catalog;
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void EachComponentIsRegisteredUnderItsKeyAndKind(string plugin, ComponentKind kind, string key, Type type, Type options)
    {
        var found = LoadAll().Find(kind, key);
        Assert.NotNull(found);
        Assert.Equal((plugin, type, options), (found.Plugin, found.ComponentType, found.OptionsType));
        Assert.False(string.IsNullOrWhiteSpace(found.Summary));
    }

    [Fact]
    public void NothingElseIsRegistered() =>
        Assert.Equal(
            Components.Select(row => (string)row[2]).Order(),
            LoadAll().Components.Select(c => c.Key).Order());

    [Fact]
    public void EveryOptionsPropertyIsDocumented()
    {
        // Nested options classes too (hbv's parameter_ranges, slots).
        static IEnumerable<Type> WithNested(Type t) => [t, .. t.GetProperties()
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(p => p.IsClass && p.Assembly == t.Assembly)
            .SelectMany(WithNested)];

        foreach (var options in Components.Select(row => (Type)row[4]).SelectMany(WithNested).Distinct())
        {
            foreach (var property in options.GetProperties())
            {
                Assert.NotNull(property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>());
            }
        }
    }
}
