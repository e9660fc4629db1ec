#pragma once

#include "validationerror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace lp {

// "a number", "a string (\"x\")", ...: how an error message names a JSON value it did not expect.
[[nodiscard]] QString describeJson(const QJsonValue &value);

// "line 3, column 7" of a byte offset, for syntax errors.
[[nodiscard]] QString jsonLineColumn(const QByteArray &data, qsizetype offset);

// Every key that appears twice in one object of a valid JSON text, named by its path
// ("collateral.priceUsd", "reserves[2].ltv"); at most 20. JSON parsers keep the last value silently.
[[nodiscard]] ValidationErrors findDuplicateKeys(const QByteArray &json);

// Parses a document that must be one JSON object; `what` names it in errors ("a plan", "a market").
// Empty input, syntax errors (with line and column) and non-objects are errors without a field; a key
// that appears twice in one object is an error naming it (findDuplicateKeys).
[[nodiscard]] ValidationErrors parseJsonObject(const QByteArray &json, const QString &what, QJsonObject *out);

// Reads typed fields out of one JSON object, collecting errors with full field paths and remembering
// which keys it consumed so the rest can be kept as unknown fields, or reported as unknown.
class ObjectReader {
public:
    ObjectReader(QJsonObject object, QString path, ValidationErrors *errors);

    void number(const QString &key, double *out, bool required = false);
    void integer(const QString &key, int *out, bool required = false);
    void string(const QString &key, QString *out, bool required = false);
    void boolean(const QString &key, bool *out, bool required = false);
    void stringList(const QString &key, QStringList *out, bool required = false);

    template <class Enum>
    void choice(const QString &key, Enum *out, bool (*parse)(const QString &, Enum *),
                const QStringList &allowed, bool required = false)
    {
        QString text;
        const qsizetype before = m_errors->size();
        const bool present = m_object.contains(key);
        string(key, &text, required);
        if (m_errors->size() != before || !present)
            return;
        if (!parse(text, out))
            fail(key, QStringLiteral("must be one of %1 (got \"%2\")")
                          .arg(allowed.join(QStringLiteral(", ")), text.left(40)));
    }

    // A nested object or array; missing is fine unless required. Empty after an error.
    QJsonObject object(const QString &key, bool required = false);
    QJsonArray array(const QString &key, bool required = false);

    // Appended to "is required" messages, e.g. " (the market has no collateral reserve \"X\")".
    void setRequiredHint(const QString &hint) { m_requiredHint = hint; }
    [[nodiscard]] bool contains(const QString &key) const { return m_object.contains(key); }
    [[nodiscard]] QString path(const QString &key) const;
    void fail(const QString &key, const QString &message);

    // What was not consumed.
    [[nodiscard]] QJsonObject rest() const;
    // Reports every key not consumed as "path.key: unknown field" (strict formats such as market files).
    void rejectRest();

private:
    QJsonValue take(const QString &key, bool required);

    QJsonObject m_object;
    QString m_path;
    ValidationErrors *m_errors;
    QSet<QString> m_taken;
    QString m_requiredHint;
};

} // namespace lp
