#include "marketeditordialog.h"

#include "emodetable.h"
#include "marketjson.h"
#include "marketregistry.h"
#include "ratecurvechart.h"
#include "reservetable.h"
#include "riskstyle.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

#include <limits>

namespace lp {

MarketEditorDialog::MarketEditorDialog(MarketRegistry *registry, QString userDirectory, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_userDirectory(std::move(userDirectory)),
      m_list(new QListWidget), m_id(new QLineEdit), m_name(new QLineEdit), m_chain(new QLineEdit),
      m_chainId(new QSpinBox), m_asOf(new QDateEdit), m_source(new QLineEdit), m_notes(new QPlainTextEdit),
      m_rules(new QComboBox), m_flashPremium(new QDoubleSpinBox), m_reserves(new ReserveTable),
      m_eModes(new EModeTable), m_chart(new RateCurveChart), m_status(new QLabel), m_errors(new QLabel),
      m_save(new QPushButton(tr("&Save"))), m_remove(new QPushButton(tr("&Delete")))
{
    setWindowTitle(tr("Markets"));
    m_list->setObjectName(QStringLiteral("marketList"));
    m_list->setMinimumWidth(190);
    m_errors->setObjectName(QStringLiteral("marketErrors"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: %1;").arg(risk::colorFor(risk::Level::Danger).name()));
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *listButtons = new QHBoxLayout;
    const auto button = [this](const QString &text, auto slot) {
        auto *b = new QPushButton(text);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    listButtons->addWidget(button(tr("&New"), &MarketEditorDialog::newMarket));
    listButtons->addWidget(button(tr("D&uplicate"), &MarketEditorDialog::duplicateMarket));
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(button(tr("&Import..."), &MarketEditorDialog::importWithDialog));
    fileButtons->addWidget(button(tr("&Export..."), &MarketEditorDialog::exportWithDialog));
    left->addLayout(fileButtons);
    auto *leftWidget = new QWidget;
    leftWidget->setLayout(left);

    auto *reserveButtons = new QHBoxLayout;
    QPushButton *addReserve = button(tr("Add reserve"), [this] { m_reserves->appendNewReserve(); });
    QPushButton *removeReserve = button(tr("Remove reserve"), [this] { m_reserves->removeCurrentReserve(); });
    QPushButton *addEMode = button(tr("Add e-mode"), [this] { m_eModes->appendNewCategory(); });
    QPushButton *removeEMode = button(tr("Remove e-mode"), [this] { m_eModes->removeCurrentCategory(); });
    m_editButtons = {addReserve, removeReserve, addEMode, removeEMode};
    for (QPushButton *b : m_editButtons)
        reserveButtons->addWidget(b);
    reserveButtons->addStretch();

    auto *right = new QVBoxLayout;
    right->addWidget(m_status);
    auto *top = new QHBoxLayout;
    top->addWidget(buildMarketForm(), 3);
    top->addWidget(m_chart, 2);
    right->addLayout(top);
    right->addWidget(new QLabel(tr("Reserves")));
    right->addWidget(m_reserves, 3);
    right->addWidget(new QLabel(tr("E-mode categories")));
    right->addWidget(m_eModes, 1);
    right->addLayout(reserveButtons);
    right->addWidget(m_errors);
    auto *rightWidget = new QWidget;
    rightWidget->setLayout(right);

    auto *splitter = new QSplitter;
    splitter->addWidget(leftWidget);
    splitter->addWidget(rightWidget);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &MarketEditorDialog::saveMarket);
    connect(m_remove, &QPushButton::clicked, this, &MarketEditorDialog::removeMarket);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            selectMarket(item->data(Qt::UserRole).toString());
    });
    connect(m_reserves, &QTableWidget::currentCellChanged, this, &MarketEditorDialog::updateChart);
    connect(m_reserves, &QTableWidget::itemChanged, this, &MarketEditorDialog::updateChart);
    resize(1180, 720);
    rebuildList(m_registry->ids().value(0));
}

QWidget *MarketEditorDialog::buildMarketForm()
{
    auto *form = new QFormLayout;
    m_id->setObjectName(QStringLiteral("market.id"));
    m_id->setToolTip(tr("Lower-case letters, digits and '-'; also the file name of a saved market."));
    m_chainId->setRange(0, std::numeric_limits<int>::max());
    m_chainId->setSpecialValueText(tr("not stated"));
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOf->setCalendarPopup(true);
    m_source->setToolTip(
        tr("Where the values come from: repository and commit, page, or \"my own values\"."));
    // Three lines of the font in use, not a pixel count: a larger font keeps them readable.
    m_notes->setMaximumHeight(m_notes->fontMetrics().lineSpacing() * 3 + 2 * m_notes->frameWidth() +
                              static_cast<int>(2 * m_notes->document()->documentMargin()));
    for (const LiquidationRuleSet r : allLiquidationRuleSets)
        m_rules->addItem(describe(r), toString(r));
    m_flashPremium->setRange(0, 99.99);
    m_flashPremium->setDecimals(3);
    m_flashPremium->setSuffix(QStringLiteral(" %"));
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    auto *chainRow = new QHBoxLayout;
    chainRow->addWidget(m_chain, 1);
    chainRow->addWidget(new QLabel(tr("chain id")));
    chainRow->addWidget(m_chainId);
    form->addRow(tr("Chain"), chainRow);
    form->addRow(tr("As of"), m_asOf);
    form->addRow(tr("Source"), m_source);
    form->addRow(tr("Liquidations"), m_rules);
    form->addRow(tr("Flash-loan premium"), m_flashPremium);
    form->addRow(tr("Notes"), m_notes);
    auto *w = new QWidget;
    w->setLayout(form);
    return w;
}

void MarketEditorDialog::rebuildList(const QString &selectId)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const MarketRegistry::Entry &e : m_registry->entries()) {
        auto *item = new QListWidgetItem(e.builtIn ? tr("%1 (preset)").arg(e.market.name) : e.market.name);
        item->setData(Qt::UserRole, e.market.id);
        item->setToolTip(
            tr("%1, %2, as of %3").arg(e.market.id, e.market.chain, e.market.asOf.toString(Qt::ISODate)));
        m_list->addItem(item);
        if (e.market.id == selectId)
            m_list->setCurrentItem(item);
    }
    if (!selectId.isEmpty())
        selectMarket(selectId);
}

bool MarketEditorDialog::selectMarket(const QString &id)
{
    const MarketRegistry::Entry *e = m_registry->entry(id);
    if (!e)
        return false;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
            const QSignalBlocker block(m_list);
            m_list->setCurrentRow(i);
        }
    }
    showMarket(e->market, e->builtIn, e->builtIn ? QString() : id);
    return true;
}

void MarketEditorDialog::showMarket(const Market &m, bool readOnly, const QString &savedId)
{
    m_savedId = savedId;
    m_marketEstimates = m.estimates;
    m_id->setText(m.id);
    m_name->setText(m.name);
    m_chain->setText(m.chain);
    m_chainId->setValue(m.chainId);
    m_asOf->setDate(m.asOf.isValid() ? m.asOf : QDate::currentDate());
    m_source->setText(m.source);
    m_source->setCursorPosition(0);
    m_notes->setPlainText(m.notes);
    m_rules->setCurrentIndex(std::max(0, m_rules->findData(toString(m.liquidationRules))));
    m_ruleParams = m.liquidationRuleParams;
    m_flashPremium->setValue(m.flashLoanPremium * 100.0);
    m_reserves->setReserves(m.reserves);
    m_eModes->setCategories(m.eModes);
    setReadOnly(readOnly);
    m_status->setText(
        readOnly ? tr("<b>%1</b>: built-in preset, read-only. Duplicate it to change values. "
                      "Amber cells are estimates.")
                       .arg(m.name.toHtmlEscaped())
        : savedId.isEmpty()
            ? tr("<b>%1</b>: not saved yet.").arg(m.name.toHtmlEscaped())
            : tr("<b>%1</b>: your market. Amber cells are estimates.").arg(m.name.toHtmlEscaped()));
    m_errors->clear();
    if (m_reserves->rowCount() > 0)
        m_reserves->setCurrentCell(0, ReserveTable::Symbol);
    updateChart();
}

void MarketEditorDialog::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QLineEdit *e : {m_id, m_name, m_chain, m_source})
        e->setReadOnly(readOnly);
    m_notes->setReadOnly(readOnly);
    for (QWidget *w : std::initializer_list<QWidget *>{m_chainId, m_asOf, m_rules, m_flashPremium})
        w->setEnabled(!readOnly);
    m_reserves->setEditable(!readOnly);
    m_eModes->setEditable(!readOnly);
    for (QPushButton *b : m_editButtons)
        b->setEnabled(!readOnly);
    m_save->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly && !m_savedId.isEmpty());
}

Market MarketEditorDialog::editedMarket(ValidationErrors *errors) const
{
    ValidationErrors ignored;
    ValidationErrors *out = errors ? errors : &ignored;
    Market m;
    m.id = m_id->text().trimmed();
    m.name = m_name->text().trimmed();
    m.chain = m_chain->text().trimmed();
    m.chainId = m_chainId->value();
    m.asOf = m_asOf->date();
    m.source = m_source->text().trimmed();
    m.notes = m_notes->toPlainText().trimmed();
    if (!liquidationRuleSetFromString(m_rules->currentData().toString(), &m.liquidationRules))
        m.liquidationRules = LiquidationRuleSet::AaveV30;
    m.liquidationRuleParams = m_ruleParams;
    m.flashLoanPremium = m_flashPremium->value() / 100.0;
    m.estimates = m_marketEstimates;
    m.reserves = m_reserves->reserves(out);
    m.eModes = m_eModes->categories(out);
    return m;
}

void MarketEditorDialog::updateChart()
{
    const int row = m_reserves->currentRow();
    if (row < 0) {
        m_chart->showStrategy(std::nullopt, 0, QString());
        return;
    }
    ValidationErrors errors;
    const Reserve r = m_reserves->reserveAt(row, &errors);
    const bool usable = r.rateStrategy && validateRateStrategy(*r.rateStrategy, QString()).isEmpty();
    m_chart->showStrategy(usable ? r.rateStrategy : std::nullopt, r.reserveFactor, r.symbol);
}

void MarketEditorDialog::showErrors(const ValidationErrors &errors)
{
    QStringList lines;
    for (const ValidationError &e : errors.mid(0, 8))
        lines << e.toString();
    if (errors.size() > 8)
        lines << tr("... and %n more", nullptr, static_cast<int>(errors.size() - 8));
    m_errors->setText(lines.join(QLatin1Char('\n')));
}

} // namespace lp
