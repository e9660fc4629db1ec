#include "chartexport.h"

#include "qcustomplot_include.h"
#include "safefile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

#include <algorithm>

namespace lp::chartexport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::chartexport", text);
}

bool writePng(const std::vector<QCustomPlot *> &plots, QIODevice *file, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(plots.front()->palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        const std::vector<QRect> cells = gridCells(static_cast<int>(plots.size()), size);
        for (size_t i = 0; i < plots.size(); ++i)
            painter.drawPixmap(cells[i].topLeft(),
                               plots[i]->toPixmap(cells[i].width(), cells[i].height(), 1.0));
    }
    QImageWriter writer(file, "png");
    return writer.write(image);
}

bool writePdf(const std::vector<QCustomPlot *> &plots, QIODevice *file, QSize size)
{
    // One page exactly the chart's size, at 72 dpi so that one device pixel is one point.
    QPdfWriter writer(file);
    writer.setCreator(QStringLiteral("Leverage Planner"));
    writer.setResolution(72);
    writer.setPageLayout(
        QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QCPPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setWindow(0, 0, size.width(), size.height());
    const std::vector<QRect> cells = gridCells(static_cast<int>(plots.size()), size);
    for (size_t i = 0; i < plots.size(); ++i) {
        painter.save();
        painter.translate(cells[i].topLeft());
        plots[i]->toPainter(&painter, cells[i].width(), cells[i].height());
        painter.restore();
    }
    return painter.end();
}

} // namespace

bool formatForPath(const QString &path, Format *out)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *out = Format::Png;
    else if (suffix == QLatin1String("pdf"))
        *out = Format::Pdf;
    else
        return false;
    return true;
}

bool parseSize(const QString &text, QSize *out)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,5})[xX]([0-9]{1,5})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    const int w = m.captured(1).toInt();
    const int h = m.captured(2).toInt();
    if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide)
        return false;
    *out = QSize(w, h);
    return true;
}

std::vector<QRect> gridCells(int plotCount, QSize size)
{
    std::vector<QRect> cells;
    if (plotCount <= 0)
        return cells;
    const int columns = plotCount == 1 ? 1 : 2;
    const int rows = (plotCount + columns - 1) / columns;
    const int width = size.width() / columns;
    const int height = size.height() / rows;
    for (int i = 0; i < plotCount; ++i)
        cells.emplace_back((i % columns) * width, (i / columns) * height, width, height);
    return cells;
}

bool writeChart(QCustomPlot *plot, const QString &path, QSize size, QString *error)
{
    return writeCharts({plot}, path, size, error);
}

bool writeCharts(const std::vector<QCustomPlot *> &plots, const QString &path, QSize size, QString *error)
{
    if (plots.empty() || std::find(plots.begin(), plots.end(), nullptr) != plots.end()) {
        *error = tr("this page has no chart to export");
        return false;
    }
    Format format{};
    if (!formatForPath(path, &format)) {
        *error = tr("%1: the file name must end in .png or .pdf").arg(path);
        return false;
    }
    // Drawn in memory, then written through the one atomic write path: a full disk or a refused target
    // (a link, device, FIFO, directory) leaves whatever was at `path` as it was.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool drawn =
        format == Format::Png ? writePng(plots, &buffer, size) : writePdf(plots, &buffer, size);
    buffer.close();
    if (!drawn) {
        *error = tr("could not render the chart into %1").arg(path);
        return false;
    }
    const ValidationErrors errors = writeFileAtomically(bytes, path);
    if (!errors.isEmpty()) {
        static const QString failed = QStringLiteral("cannot be written: ");
        const ValidationError &e = errors.first();
        *error = e.message.startsWith(failed)
                     ? tr("could not write %1: %2").arg(path, e.message.mid(failed.size()))
                     : e.toString();
        return false;
    }
    return true;
}

} // namespace lp::chartexport
