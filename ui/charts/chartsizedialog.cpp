#include "chartsizedialog.h"

#include "chartexport.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace lp {

bool askChartSize(QWidget *parent, QSize *size)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("lp::FileActions", "Chart Size"));
    auto *width = new QSpinBox;
    auto *height = new QSpinBox;
    for (QSpinBox *box : {width, height}) {
        box->setRange(chartexport::kMinSide, chartexport::kMaxSide);
        box->setSuffix(QCoreApplication::translate("lp::FileActions", " px"));
    }
    width->setValue(size->width());
    height->setValue(size->height());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(QCoreApplication::translate("lp::FileActions", "Width (pixels, or points in a PDF):"),
                 width);
    form->addRow(QCoreApplication::translate("lp::FileActions", "Height:"), height);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *size = QSize(width->value(), height->value());
    return true;
}

} // namespace lp
