#include "jsonreader.h"

#include "machineformat.h"
#include "plan.h"

#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lp {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

ValidationErrors findDuplicateKeys(const QByteArray &json)
{
    // One frame per open object or array: its path, the keys seen so far (objects), the last key or the
    // index of the current element (arrays), so that a nested duplicate is named by its full path.
    struct Frame {
        bool object = false;
        QSet<QString> keys;
        QString path;
        QString lastKey;
        int index = 0;
    };
    constexpr int kMaxReported = 20;
    std::vector<Frame> stack;
    ValidationErrors errors;
    bool expectKey = false; // inside an object, where the next string is a key
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char ch = json.at(i);
        if (ch == '"') {
            qsizetype end = i + 1;
            while (end < n && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            if (expectKey && !stack.empty() && stack.back().object) {
                const QByteArray raw = json.mid(i, end - i + 1);
                // Escapes ("\u0061") spell the same key as plain text: decode them as JSON does.
                const QString key = raw.contains('\\')
                                        ? QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString()
                                        : QString::fromUtf8(raw.mid(1, raw.size() - 2));
                Frame &f = stack.back();
                if (f.keys.contains(key) && errors.size() < kMaxReported)
                    errors.append(
                        {joinPath(f.path, key),
                         QStringLiteral("appears more than once; each key may appear only once (one "
                                        "value would silently replace the other)")});
                f.keys.insert(key);
                f.lastKey = key;
                expectKey = false;
            }
            i = end;
        } else if (ch == '{' || ch == '[') {
            QString path;
            if (!stack.empty()) {
                const Frame &parent = stack.back();
                path = parent.object ? joinPath(parent.path, parent.lastKey)
                                     : QStringLiteral("%1[%2]").arg(parent.path).arg(parent.index);
            }
            stack.push_back({ch == '{', {}, path, {}, 0});
            expectKey = ch == '{';
        } else if (ch == '}' || ch == ']') {
            if (!stack.empty())
                stack.pop_back();
            expectKey = false;
        } else if (ch == ',' && !stack.empty()) {
            if (stack.back().object)
                expectKey = true;
            else
                ++stack.back().index;
        }
    }
    return errors;
}

QString describeJson(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("a string (\"%1\")").arg(v.toString().left(40));
    return typeName(v);
}

QString jsonLineColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

ValidationErrors parseJsonObject(const QByteArray &json, const QString &what, QJsonObject *out)
{
    if (json.trimmed().isEmpty())
        return {{QString(), QStringLiteral("the file is empty, not %1").arg(what)}};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {{QString(), QStringLiteral("not valid JSON at %1: %2")
                                .arg(jsonLineColumn(json, parseError.offset), parseError.errorString())}};
    if (!doc.isObject())
        return {{QString(), QStringLiteral("%1 is a JSON object, this file holds %2")
                                .arg(what, doc.isArray() ? QStringLiteral("an array")
                                                         : QStringLiteral("a single value"))}};
    if (ValidationErrors duplicates = findDuplicateKeys(json); !duplicates.isEmpty())
        return duplicates;
    *out = doc.object();
    return {};
}

ObjectReader::ObjectReader(QJsonObject object, QString path, ValidationErrors *errors)
    : m_object(std::move(object)), m_path(std::move(path)), m_errors(errors)
{
}

void ObjectReader::number(const QString &key, double *out, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return;
    if (!v.isDouble()) {
        fail(key, QStringLiteral("expected a number, got %1").arg(describeJson(v)));
        return;
    }
    *out = v.toDouble();
}

void ObjectReader::integer(const QString &key, int *out, bool required)
{
    double d = 0;
    const qsizetype before = m_errors->size();
    const QJsonValue v = m_object.value(key);
    number(key, &d, required);
    if (m_errors->size() != before || v.isUndefined())
        return;
    if (d != std::floor(d) || std::fabs(d) > 1e9) {
        fail(key, QStringLiteral("expected a whole number, got %1").arg(formatNumber(d)));
        return;
    }
    *out = static_cast<int>(d);
}

void ObjectReader::string(const QString &key, QString *out, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return;
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a string, got %1").arg(describeJson(v)));
        return;
    }
    *out = v.toString();
}

void ObjectReader::boolean(const QString &key, bool *out, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return;
    if (!v.isBool()) {
        fail(key, QStringLiteral("expected true or false, got %1").arg(describeJson(v)));
        return;
    }
    *out = v.toBool();
}

void ObjectReader::stringList(const QString &key, QStringList *out, bool required)
{
    const QJsonArray items = array(key, required);
    QStringList list;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items[i].isString()) {
            m_errors->append({QStringLiteral("%1[%2]").arg(path(key)).arg(i),
                              QStringLiteral("expected a string, got %1").arg(describeJson(items[i]))});
            continue;
        }
        list << items[i].toString();
    }
    if (m_object.contains(key))
        *out = list;
}

QJsonObject ObjectReader::object(const QString &key, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(key, QStringLiteral("expected an object, got %1").arg(describeJson(v)));
        return {};
    }
    return v.toObject();
}

QJsonArray ObjectReader::array(const QString &key, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("expected an array, got %1").arg(describeJson(v)));
        return {};
    }
    return v.toArray();
}

QString ObjectReader::path(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void ObjectReader::fail(const QString &key, const QString &message)
{
    m_errors->append({path(key), message});
}

QJsonObject ObjectReader::rest() const
{
    QJsonObject out;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_taken.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

void ObjectReader::rejectRest()
{
    const QJsonObject extra = rest();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        fail(it.key(), QStringLiteral("unknown field"));
}

QJsonValue ObjectReader::take(const QString &key, bool required)
{
    m_taken.insert(key);
    QJsonValue v = m_object.value(key);
    if (v.isUndefined() && required)
        fail(key, QStringLiteral("is required") + m_requiredHint);
    return v;
}

} // namespace lp
