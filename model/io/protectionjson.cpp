#include "protectionjson.h"

#include <QJsonObject>

namespace lp {

void readProtection(ObjectReader *reader, ValidationErrors *errors, ProtectionRules *out)
{
    const QJsonArray array = reader->array(QStringLiteral("protection"));
    const QString base = reader->path(QStringLiteral("protection"));
    out->clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(base).arg(i);
        if (!array.at(i).isObject()) {
            errors->append(
                {path, QStringLiteral("expected an object, got %1").arg(describeJson(array.at(i)))});
            continue;
        }
        ObjectReader r(array.at(i).toObject(), path, errors);
        ProtectionKind kind = ProtectionKind::AutoRepay;
        const qsizetype before = errors->size();
        r.choice(QStringLiteral("kind"), &kind, &protectionKindFromString, protectionKindNames(), true);
        if (errors->size() != before)
            continue;
        ProtectionRule rule = ProtectionRule::ofKind(kind);
        switch (kind) {
        case ProtectionKind::AutoRepay:
        case ProtectionKind::AutoBoost:
            r.number(QStringLiteral("triggerHealthFactor"), &rule.triggerHealthFactor, true);
            r.number(QStringLiteral("targetHealthFactor"), &rule.targetHealthFactor, true);
            break;
        case ProtectionKind::StopLoss:
        case ProtectionKind::TakeProfit:
            r.number(QStringLiteral("priceUsd"), &rule.priceUsd, true);
            break;
        case ProtectionKind::TrailingStop:
            r.number(QStringLiteral("fraction"), &rule.fraction, true);
            break;
        case ProtectionKind::PreLiquidation:
            r.number(QStringLiteral("ltv"), &rule.ltv, true);
            r.number(QStringLiteral("closeFactor"), &rule.closeFactor, true);
            r.number(QStringLiteral("incentive"), &rule.incentive, true);
            break;
        }
        r.number(QStringLiteral("serviceFeeBps"), &rule.serviceFeeBps);
        r.integer(QStringLiteral("delaySteps"), &rule.delaySteps);
        r.rejectRest();
        out->append(rule);
    }
}

QJsonArray protectionToJson(const ProtectionRules &rules)
{
    QJsonArray array;
    for (const ProtectionRule &rule : rules) {
        const ProtectionRule defaults = ProtectionRule::ofKind(rule.kind);
        QJsonObject o{{QStringLiteral("kind"), toString(rule.kind)}};
        switch (rule.kind) {
        case ProtectionKind::AutoRepay:
        case ProtectionKind::AutoBoost:
            o.insert(QStringLiteral("triggerHealthFactor"), rule.triggerHealthFactor);
            o.insert(QStringLiteral("targetHealthFactor"), rule.targetHealthFactor);
            break;
        case ProtectionKind::StopLoss:
        case ProtectionKind::TakeProfit:
            o.insert(QStringLiteral("priceUsd"), rule.priceUsd);
            break;
        case ProtectionKind::TrailingStop:
            o.insert(QStringLiteral("fraction"), rule.fraction);
            break;
        case ProtectionKind::PreLiquidation:
            o.insert(QStringLiteral("ltv"), rule.ltv);
            o.insert(QStringLiteral("closeFactor"), rule.closeFactor);
            o.insert(QStringLiteral("incentive"), rule.incentive);
            break;
        }
        if (rule.serviceFeeBps != defaults.serviceFeeBps)
            o.insert(QStringLiteral("serviceFeeBps"), rule.serviceFeeBps);
        if (rule.delaySteps != defaults.delaySteps)
            o.insert(QStringLiteral("delaySteps"), rule.delaySteps);
        array.append(o);
    }
    return array;
}

} // namespace lp
