#pragma once

// What the File-menu tests share: the fixture plan on disk, and a fresh window per test whose dialogs are
// replaced by hooks (the save prompt answers m_choice and counts, the path chooser returns m_chosenPath)
// and whose error reports are collected.
#include "charttabs.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plandocument.h"
#include "planform.h"
#include "planjson.h"
#include "plansession.h"
#include "report.h"
#include "uitestutil.h"
#include <memory>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <unistd.h>

namespace lp::uitest {

inline QString fixturePath()
{
    return QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json");
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// The fixture with one value replaced by raw JSON text ("" removes it); `path` is "a" or "a.b".
inline QByteArray fixtureWith(const QString &path, const QByteArray &rawJson)
{
    QByteArray doc = readAll(fixturePath());
    QJsonObject root = QJsonDocument::fromJson(doc).object();
    const QJsonValue value = QJsonDocument::fromJson("[" + rawJson + "]").array().at(0);
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonObject inner = parts.size() > 1 ? root[parts[0]].toObject() : root;
    inner[parts.last()] = value;
    if (parts.size() > 1)
        root[parts[0]] = inner;
    else
        root = inner;
    return QJsonDocument(root).toJson();
}

class FileActionsTest : public QObject {
protected:
    static void useTestSettings()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test settings file
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_reported.clear();
        m_prompts = 0;
        m_choice = FileActions::SaveChoice::Cancel;
        m_chosenPath.clear();
        m_window->setErrorReporter([this](const QString &title, const QString &text) {
            m_reported << title + QLatin1Char('\n') + text;
        });
        files()->setSavePrompt([this] {
            ++m_prompts;
            return m_choice;
        });
        files()->setRevertPrompt([] { return true; });
        files()->setPathChooser(
            [this](const QString &, const QString &, const QString &, bool) { return m_chosenPath; });
        doc()->clearRecentFiles();
    }
    void closeWindow() { m_window.reset(); }

    FileActions *files() const { return m_window->fileActions(); }
    PlanDocument *doc() const { return m_window->fileActions()->document(); }

    std::unique_ptr<MainWindow> m_window;
    QStringList m_reported;
    int m_prompts = 0;
    FileActions::SaveChoice m_choice = FileActions::SaveChoice::Cancel;
    QString m_chosenPath;
};

} // namespace lp::uitest
