// Thin entry point: a headless command runs on QCoreApplication (no display needed); anything else
// opens the window.
#include "appicon.h"
#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlanner"));
    QCoreApplication::setApplicationName(QStringLiteral("leverage-planner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LP_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (lp::cli::needsGui(arguments)) {
        // QCustomPlot draws with QtGui: a QApplication, on the offscreen platform so that no display is
        // needed (and the output does not depend on one).
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setApplicationInfo();
        return lp::cli::run(arguments);
    }
    if (lp::cli::isCommand(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        return lp::cli::run(arguments);
    }

    QApplication app(argc, argv);
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Leverage Planner"));
    QApplication::setWindowIcon(lp::appIcon());

    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file to open (optional)."));
    parser.process(app);

    lp::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openPlanFile(parser.positionalArguments().constFirst());
    window.show();
    return QApplication::exec();
}
