#include "reportdocument.h"

#include "chartexport.h"
#include "charttabs.h"
#include "qcustomplot_include.h"
#include "report.h"
#include "reportsections.h"
#include "safefile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>

namespace lp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::report", text);
}

// Charts are drawn at this logical size (the window's proportions) and scaled to the page.
constexpr QSize kChartSize{900, 540};
constexpr QSize kTimeChartSize{900, 640};

QSize chartSize(const QString &id)
{
    return id == QLatin1String("time") ? kTimeChartSize : kChartSize;
}

const char *const kStyle = "body { font-family: sans-serif; font-size: 10pt; color: #111; }\n"
                           "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14pt; }\n"
                           "table.grid { border-collapse: collapse; }\n"
                           "table.grid td, table.grid th { border: 1px solid #999; padding: 2px 4px; }\n"
                           "table.small { font-size: 8pt; }\n"
                           "table.kv th { font-weight: normal; color: #333; padding-right: 12px; }\n"
                           "p.lead { font-size: 12pt; font-weight: bold; }\n"
                           "figure { margin: 8pt 0; } figcaption { font-weight: bold; }\n"
                           "img { max-width: 100%; height: auto; }\n";

// The chart pages of one result, drawn by the window's widgets (never shown).
class ReportCharts {
public:
    explicit ReportCharts(const ReportRequest &request)
    {
        m_tabs.resize(kChartSize);
        m_tabs.setOutlookOptions(request.options);
        m_tabs.showResult(*request.result);
    }
    std::vector<QCustomPlot *> plots(const QString &id)
    {
        ChartTabs::Page page{};
        if (!ChartTabs::chartFromName(id, &page))
            return {};
        return m_tabs.plots(page);
    }
    QByteArray png(const QString &id)
    {
        const std::vector<QCustomPlot *> ps = plots(id);
        const QSize size = chartSize(id);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        if (!ps.empty()) {
            QPainter painter(&image);
            const std::vector<QRect> cells = chartexport::gridCells(static_cast<int>(ps.size()), size);
            for (size_t i = 0; i < ps.size(); ++i)
                painter.drawPixmap(cells[i].topLeft(),
                                   ps[i]->toPixmap(cells[i].width(), cells[i].height(), 1.0));
        }
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }
    // Draws the chart as vectors into `target` (in the painter's units, points), laid out at that size so
    // that its fonts keep their point sizes.
    void draw(const QString &id, QCPPainter *painter, const QRectF &target)
    {
        const std::vector<QCustomPlot *> ps = plots(id);
        const QSize size = target.size().toSize();
        const std::vector<QRect> cells = chartexport::gridCells(static_cast<int>(ps.size()), size);
        painter->save();
        painter->translate(target.topLeft());
        for (size_t i = 0; i < ps.size(); ++i) {
            painter->save();
            painter->translate(cells[i].topLeft());
            ps[i]->toPainter(painter, cells[i].width(), cells[i].height());
            painter->restore();
        }
        painter->restore();
    }

private:
    ChartTabs m_tabs;
};

} // namespace

QSizeF pdfChartSize(const QString &chartId, double textWidth, double pageHeight)
{
    // Below the chart's title (20 points) with a small gap after it.
    const double room =
        chartId == QLatin1String("time") ? pageHeight - 26.0 : (pageHeight - 24.0) / 2.0 - 26.0;
    return {textWidth, std::max(room, 100.0)};
}

namespace {

QString documentHtml(const QString &body, const QString &title, const QString &pageCss)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n<title>%2</title>\n"
               "<style>\n%3%4</style>\n</head>\n<body>\n%5</body>\n</html>\n")
        .arg(QLocale().bcp47Name(), title.toHtmlEscaped(), QLatin1String(kStyle), pageCss, body);
}

QString titleOf(const ReportRequest &request)
{
    const QString name = request.result->plan.name;
    return tr("Leverage plan: %1").arg(name.isEmpty() ? tr("Unnamed plan") : name);
}

QPageSize pageSize(ReportPaper paper)
{
    return QPageSize(paper == ReportPaper::Letter ? QPageSize::Letter : QPageSize::A4);
}

} // namespace

bool reportFormatFromString(const QString &text, ReportFormat *out)
{
    const QString t = text.toLower();
    if (t == QLatin1String("html"))
        *out = ReportFormat::Html;
    else if (t == QLatin1String("pdf"))
        *out = ReportFormat::Pdf;
    else
        return false;
    return true;
}

bool reportPaperFromString(const QString &text, ReportPaper *out)
{
    const QString t = text.toLower();
    if (t == QLatin1String("a4"))
        *out = ReportPaper::A4;
    else if (t == QLatin1String("letter"))
        *out = ReportPaper::Letter;
    else
        return false;
    return true;
}

ReportPaper defaultReportPaper()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? ReportPaper::Letter : ReportPaper::A4;
}

ReportRequest makeReportRequest(const PlanResult &result, const OutlookOptions &options,
                                const MarketRegistry &markets)
{
    ReportRequest r;
    r.result = &result;
    r.options = options;
    r.report = reportJson(result, computeOutlook(result, options), markets);
    r.markets = &markets;
    r.paper = defaultReportPaper();
    return r;
}

QByteArray reportHtml(const ReportRequest &request)
{
    ReportCharts charts(request);
    QString body;
    for (const ReportPart &part :
         reportParts(request.report, request.result->plan, *request.markets, request.made)) {
        if (!part.isChart()) {
            body += part.html;
            continue;
        }
        const QSize size = chartSize(part.chartId);
        body += QStringLiteral(
                    "<figure id=\"chart-%1\">\n<figcaption>%2</figcaption>\n<img alt=\"%2\" width=\"%3\" "
                    "height=\"%4\" src=\"data:image/png;base64,%5\">\n</figure>\n")
                    .arg(part.chartId, part.chartTitle.toHtmlEscaped())
                    .arg(size.width())
                    .arg(size.height())
                    .arg(QString::fromLatin1(charts.png(part.chartId).toBase64()));
    }
    const QString pageCss = request.paper == ReportPaper::Letter
                                ? QStringLiteral("@page { size: letter; margin: 15mm; }\n")
                                : QStringLiteral("@page { size: A4; margin: 15mm; }\n");
    return documentHtml(body, titleOf(request), pageCss).toUtf8();
}

QByteArray reportPdf(const ReportRequest &request)
{
    ReportCharts charts(request);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(QStringLiteral("Leverage Planner"));
    writer.setTitle(titleOf(request));
    writer.setResolution(72); // one unit is one point
    writer.setPageLayout(QPageLayout(pageSize(request.paper), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    const QRectF page = writer.pageLayout().paintRectPixels(72);
    const double width = page.width();
    const double height = page.height();
    QCPPainter painter;
    if (!painter.begin(&writer))
        return {};
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    double y = 0; // where the next part starts on the current page
    auto newPage = [&] {
        writer.newPage();
        y = 0;
    };
    QFont font = painter.font();
    font.setPointSizeF(9.0);
    for (const ReportPart &part :
         reportParts(request.report, request.result->plan, *request.markets, request.made)) {
        if (part.isChart()) {
            const QSizeF chart = pdfChartSize(part.chartId, width, height);
            const double chartHeight = chart.height() + 26.0;
            if (y > 0 && y + chartHeight > height + 0.5)
                newPage();
            painter.save();
            QFont caption = font;
            caption.setBold(true);
            painter.setFont(caption);
            painter.setPen(Qt::black);
            painter.drawText(QRectF(0, y, width, 18), Qt::AlignLeft | Qt::AlignVCenter, part.chartTitle);
            painter.restore();
            charts.draw(part.chartId, &painter, QRectF(QPointF(0, y + 20), chart));
            y += chartHeight;
            continue;
        }
        QTextDocument doc;
        doc.setDefaultFont(font);
        doc.setDefaultStyleSheet(QLatin1String(kStyle));
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setHtml(part.html);
        doc.setTextWidth(width);
        const double needed = doc.size().height();
        if (y > 0 && y + needed <= height) {
            painter.save();
            painter.translate(0, y);
            doc.drawContents(&painter, QRectF(0, 0, width, needed));
            painter.restore();
            y += needed;
            continue;
        }
        if (y > 0)
            newPage();
        doc.setPageSize(QSizeF(width, height));
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                newPage();
            painter.save();
            painter.translate(0, -i * height);
            doc.drawContents(&painter, QRectF(0, i * height, width, height));
            painter.restore();
        }
        y = doc.size().height() - (pages - 1) * height;
    }
    if (!painter.end())
        return {};
    buffer.close();
    return bytes;
}

bool writeReport(const ReportRequest &request, ReportFormat format, const QString &path, QString *error)
{
    const QByteArray bytes = format == ReportFormat::Pdf ? reportPdf(request) : reportHtml(request);
    if (bytes.isEmpty()) {
        *error = tr("could not draw the report for %1").arg(path);
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

} // namespace lp
