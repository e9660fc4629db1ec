#include "examplemenu.h"

#include <QCoreApplication>
#include <QMenu>

// rcc's initializer for resources/examples/examples.qrc. lp_ui is a static library: without a reference
// to this symbol the linker would drop the resource object. Q_INIT_RESOURCE must be outside a namespace.
static void initExampleResources()
{
    Q_INIT_RESOURCE(examples);
}

namespace lp {

QList<ExamplePlan> examplePlans()
{
    initExampleResources();
    const auto title = [](const char *text) { return QCoreApplication::translate("lp::ExampleMenu", text); };
    return {
        {title(QT_TRANSLATE_NOOP("lp::ExampleMenu", "&Stablecoin borrow loop")),
         QStringLiteral(":/examples/stablecoin-borrow-loop.lplan")},
        {title(QT_TRANSLATE_NOOP("lp::ExampleMenu", "&ETH borrow, LST collateral loop")),
         QStringLiteral(":/examples/eth-borrow-lst-loop.lplan")},
        {title(QT_TRANSLATE_NOOP("lp::ExampleMenu", "&Flash loan to a target leverage")),
         QStringLiteral(":/examples/flash-target-leverage.lplan")},
    };
}

QMenu *createExampleMenu(QWidget *parent, const std::function<void(const QString &path)> &open)
{
    auto *menu = new QMenu(QCoreApplication::translate("lp::ExampleMenu", "Open E&xample"), parent);
    menu->setObjectName(QStringLiteral("openExampleMenu"));
    for (const ExamplePlan &example : examplePlans()) {
        QAction *action = menu->addAction(example.title);
        action->setData(example.resourcePath);
        QObject::connect(action, &QAction::triggered, menu,
                         [open, path = example.resourcePath] { open(path); });
    }
    return menu;
}

} // namespace lp
