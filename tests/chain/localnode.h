#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The local Aave market that the CTest fixture started (tests/chain/aave-node.mjs): its state file, or
// why there is none (then the test skips with that message).
struct LocalNode {
    QJsonObject state;
    QString skipReason;

    static LocalNode load()
    {
        LocalNode node;
        QFile file(QStringLiteral(LP_CHAIN_NODE_STATE));
        if (!file.open(QIODevice::ReadOnly)) {
            node.skipReason =
                QStringLiteral("no local node: %1 is missing (node is not installed, or the test ran "
                               "outside ctest's aave_node fixture)")
                    .arg(file.fileName());
            return node;
        }
        node.state = QJsonDocument::fromJson(file.readAll()).object();
        node.skipReason = node.state.value(QStringLiteral("skip")).toString();
        return node;
    }
};
