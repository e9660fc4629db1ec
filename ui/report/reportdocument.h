#pragma once

#include <QSizeF>

#include "engine.h"
#include "outlook.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lp {

class MarketRegistry;

// The one-file report of a plan (File > Export Report... and `report --format html|pdf`): the sections of
// reportsections.h with the charts of the window. HTML is one self-contained file (the charts as PNG in
// data: URIs, no external links); PDF is drawn with Qt's PDF writer, its charts as vectors, on A4 or
// Letter. Needs a QApplication (the charts are the window's widgets, drawn offscreen).
enum class ReportFormat { Html, Pdf };
enum class ReportPaper { A4, Letter };

// "html", "pdf"; "a4", "letter" (any case).
[[nodiscard]] bool reportFormatFromString(const QString &text, ReportFormat *out);
[[nodiscard]] bool reportPaperFromString(const QString &text, ReportPaper *out);
// Letter where the user's locale measures in US units, else A4.
[[nodiscard]] ReportPaper defaultReportPaper();

struct ReportRequest {
    const PlanResult *result = nullptr;
    OutlookOptions options; // the outlook the charts draw, as `report` JSON was computed with
    QJsonObject report;     // reportJson() of the same result and outlook: every figure comes from it
    const MarketRegistry *markets = nullptr;
    QDateTime made = QDateTime::currentDateTime();
    ReportPaper paper = ReportPaper::A4;
};

[[nodiscard]] QByteArray reportHtml(const ReportRequest &request);
// Empty when Qt's PDF writer fails.
[[nodiscard]] QByteArray reportPdf(const ReportRequest &request);
// Where the PDF draws a chart on a page whose text block is `textWidth` x `pageHeight` points: the full
// text width, half the page high (the whole page for the time chart's four plots). The chart is laid
// out at that size in points, so its texts print at their own size, not scaled down.
[[nodiscard]] QSizeF pdfChartSize(const QString &chartId, double textWidth, double pageHeight);

// The request for `result` with `options`: computes the outlook and the report JSON.
[[nodiscard]] ReportRequest makeReportRequest(const PlanResult &result, const OutlookOptions &options,
                                              const MarketRegistry &markets);

// Writes the report through the one atomic write path; false with *error naming the path and why.
[[nodiscard]] bool writeReport(const ReportRequest &request, ReportFormat format, const QString &path,
                               QString *error);

} // namespace lp
