#pragma once

#include "validationerror.h"

#include <utility>
#include <variant>

namespace lp {

// A value or the list of problems that prevented it. C++20 has no std::expected; this is the
// small part of it the engine needs. Errors are values: the model never shows them itself.
template <class T> class Expected {
public:
    Expected(T value) : m_data(std::move(value)) {}
    Expected(ValidationErrors errors) : m_data(std::move(errors)) {}
    Expected(ValidationError error) : m_data(ValidationErrors{std::move(error)}) {}

    [[nodiscard]] bool hasValue() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return hasValue(); }

    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &value() & { return std::get<T>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    [[nodiscard]] const ValidationErrors &errors() const { return std::get<ValidationErrors>(m_data); }

private:
    std::variant<T, ValidationErrors> m_data;
};

} // namespace lp
