using System.Globalization;
using System.Text;
using Hydro.Core.Runs;

namespace Hydro.Core.Training;

/// <summary>One row of <c>training_log.csv</c>.</summary>
/// <param name="Epoch">Epoch, 1-based.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValidationLoss">Mean validation loss, or NaN when not validated this epoch.</param>
/// <param name="ValidationMedianNse">Median NSE over validation basins, or NaN.</param>
/// <param name="LearningRate">Learning rate used during the epoch.</param>
/// <param name="Seconds">Wall time of the epoch (training and validation).</param>
public sealed record TrainingLogRow(int Epoch, double TrainLoss, double ValidationLoss, double ValidationMedianNse, double LearningRate, double Seconds);

/// <summary>The per-epoch CSV log (<c>epoch,train_loss,val_loss,val_median_nse,lr,seconds</c>), rewritten atomically on each append.</summary>
public static class TrainingLog
{
    /// <summary>The header line.</summary>
    public const string Header = "epoch,train_loss,val_loss,val_median_nse,lr,seconds";

    /// <summary>Appends a row (the file is rewritten through a temp file and a rename).</summary>
    public static void Append(string path, TrainingLogRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rows = File.Exists(path) ? Read(path).ToList() : [];
        rows.Add(row);
        Write(path, rows);
    }

    /// <summary>Drops the rows after <paramref name="epoch"/> (rows written after the checkpoint a run resumes from).</summary>
    public static void TruncateAfter(string path, int epoch)
    {
        if (File.Exists(path))
        {
            Write(path, Read(path).Where(r => r.Epoch <= epoch).ToList());
        }
    }

    /// <summary>Reads the rows (empty cells read as NaN).</summary>
    public static IReadOnlyList<TrainingLogRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}: not a training log (expected the header '{Header}')");
        }

        return lines.Skip(1).Where(l => l.Length > 0).Select((l, i) =>
        {
            var c = l.Split(',');
            if (c.Length != 6)
            {
                throw new InvalidDataException($"{path}:{i + 2}: expected 6 columns, found {c.Length}");
            }

            return new TrainingLogRow(int.Parse(c[0], CultureInfo.InvariantCulture), D(c[1]), D(c[2]), D(c[3]), D(c[4]), D(c[5]));
        }).ToList();
    }

    private static void Write(string path, IEnumerable<TrainingLogRow> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Epoch},{F(r.TrainLoss)},{F(r.ValidationLoss)},{F(r.ValidationMedianNse)},{F(r.LearningRate)},{r.Seconds.ToString("0.###", CultureInfo.InvariantCulture)}\n");
        }

        AtomicFile.WriteAllText(path, sb.ToString());
    }

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
