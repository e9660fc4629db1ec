#pragma once

// Recorded answers (recordednode.h) served on 127.0.0.1 by FakeRpcServer, each call of a batch answered from
// the node: what the recorded tests read, the chain reader's, the commands' and the window's.
// morpho_recorded::Served serves the recorded Morpho Blue deployment (morphorecorded.h) unless given another.
#include "fakerpcserver.h"
#include "morphorecorded.h"
#include "recordednode.h"

struct ServedNode {
    RecordedNode node; // a test may change it between reads (drop a call, move a price)
    FakeRpcServer server;

    explicit ServedNode(RecordedNode recorded) : node(std::move(recorded))
    {
        server.setResponder([this](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request,
                                             [this](const QString &method, const QJsonArray &params) {
                                                 return node.answer(method, params);
                                             });
        });
    }
};

namespace morpho_recorded {

struct Served : ServedNode {
    explicit Served(RecordedNode recorded = morpho_recorded::node()) : ServedNode(std::move(recorded)) {}
};

} // namespace morpho_recorded
