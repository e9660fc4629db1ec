// Thin entry point: a headless command runs on QCoreApplication (no display needed); anything else
// opens the window.
#include "appicon.h"
#include "cli.h"
#include "mainwindow.h"
#include "theme.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlanner"));
    QCoreApplication::setApplicationName(QStringLiteral("leverage-planner"));
    QCoreApplication::setApplicationVersion(lp::versionString());
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
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QStringLiteral("Colours for this run: system, light or dark (not saved)."),
        QStringLiteral("THEME"));
    parser.addOption(themeOption);
    parser.process(app);

    lp::theme::Theme theme = lp::theme::saved();
    if (parser.isSet(themeOption) && !lp::theme::fromString(parser.value(themeOption), &theme)) {
        qWarning("unknown theme \"%s\": use system, light or dark", qPrintable(parser.value(themeOption)));
        return 2;
    }
    if (theme != lp::theme::Theme::System)
        lp::theme::apply(theme);

    lp::MainWindow window;
    // A file named on the command line wins over the plan of the last run.
    const bool fileGiven = !parser.positionalArguments().isEmpty();
    window.restoreSettings(!fileGiven);
    if (fileGiven)
        window.openPlanFile(parser.positionalArguments().constFirst());
    window.show();
    return QApplication::exec();
}
