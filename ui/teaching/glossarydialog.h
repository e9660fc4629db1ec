#pragma once

#include <QDialog>

#include <utility>
#include <vector>

namespace lp {

// Help > Glossary: the words of leveraged lending, each in two or three plain sentences.
class GlossaryDialog : public QDialog {
    Q_OBJECT
public:
    explicit GlossaryDialog(QWidget *parent = nullptr);

    // (term, explanation), in reading order.
    [[nodiscard]] static std::vector<std::pair<QString, QString>> entries();
};

} // namespace lp
