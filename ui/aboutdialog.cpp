#include "aboutdialog.h"

#include "appicon.h"
#include "version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace lp {

QString AboutDialog::disclaimer()
{
    return tr("Leverage can lose the whole deposit: a price move against the position, a rate change or a "
              "liquidation may leave you with nothing. This program is not financial advice. Its figures "
              "are estimates computed from the market parameters you enter (prices, LTV, liquidation "
              "threshold and bonus, rates, costs); the real market, its oracles and its contracts may "
              "behave differently. Check every number on the market itself before you act.");
}

QString AboutDialog::text()
{
    return tr("<h3>Leverage Planner %1</h3>"
              "<p>Plans leveraged (looped) positions on Aave-v3-style lending markets such as ZeroLend: "
              "what each loop borrows, the leverage, health factor and liquidation price, and the P&amp;L "
              "as Token A's price and time move.</p>"
              "<p>Built with Qt %2 (running on Qt %3) and QCustomPlot.</p>"
              "<p><b>Risk warning.</b> %4</p>")
        .arg(versionString().toHtmlEscaped(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             disclaimer().toHtmlEscaped());
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Leverage Planner"));
    auto *icon = new QLabel;
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(appIcon().pixmap(QSize(side, side) * 2, devicePixelRatio()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *label = new QLabel(text());
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // Wide enough for the disclaimer to read as a paragraph, in text widths rather than pixels.
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 60);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace lp
