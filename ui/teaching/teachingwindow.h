#pragma once

#include "teaching.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;
class QToolButton;

namespace lp {

class PlanSession;
class TeachingCanvas;
struct PlanResult;

// Teaching mode (Help > Learn how a loop works): the current plan walked through step by step, with
// animated balances, the health factor and the liquidation price, a few sentences and the formulas
// behind each figure. Back, forward, play/pause at a chosen speed, jump to a step; the keys Left/Right
// step, Space plays or pauses and Escape leaves full screen, else closes, wherever the focus is; during
// monitoring a what-if price slider that plays the liquidations a fall would bring. It follows the
// session: editing the plan rebuilds the frames and keeps the current step where it can.
class TeachingWindow : public QWidget {
    Q_OBJECT
public:
    explicit TeachingWindow(PlanSession *session, QWidget *parent = nullptr);
    ~TeachingWindow() override;

    [[nodiscard]] int frameCount() const { return static_cast<int>(m_frames.size()); }
    [[nodiscard]] int currentIndex() const { return m_index; }
    // The frame on screen: a what-if frame while the price slider is off zero during monitoring.
    [[nodiscard]] const TeachingFrame &currentFrame() const;
    [[nodiscard]] const std::vector<TeachingFrame> &frames() const { return m_frames; }
    [[nodiscard]] TeachingCanvas *canvas() const { return m_canvas; }
    [[nodiscard]] QLabel *storyLabel() const { return m_story; }
    [[nodiscard]] QLabel *formulaLabel() const { return m_formulas; }
    // What the letters of the formulas stand for, in words, with the plan's market parameters.
    [[nodiscard]] QLabel *symbolsLabel() const { return m_symbols; }
    [[nodiscard]] bool isPlaying() const;
    // Index of the monitoring frame, where the what-if price applies.
    [[nodiscard]] int monitorIndex() const;

    void setCurrentIndex(int index);
    void next();
    void previous();
    void setPlaying(bool playing);
    // Token A's price change in the what-if, as a fraction (-0.2 = 20 % lower). Jumps to monitoring.
    void setPriceChange(double fraction);
    [[nodiscard]] double priceChange() const { return m_priceChange; }
    void setLargeText(bool large);
    void setAnimationsEnabled(bool enabled);
    // The stepper as it is on screen, as a PNG; false (and a reason) when the file cannot be written.
    bool exportPng(const QString &path, QString *error);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild(const std::shared_ptr<const PlanResult> &result);
    void showCurrent();
    void exportWithDialog();
    void addKeys();
    void fitTexts();

    PlanSession *m_session;
    std::shared_ptr<const PlanResult> m_result;
    std::vector<TeachingFrame> m_frames;
    TeachingFrame m_whatIf;
    int m_index = 0;
    double m_priceChange = 0;
    double m_scaleUsd = 1;
    int m_baseFontPointSize = 0;
    bool m_fitting = false; // in fitTexts()

    TeachingCanvas *m_canvas;
    QLabel *m_title;
    QLabel *m_story;
    QLabel *m_formulas;
    QLabel *m_symbols;
    QPushButton *m_back;
    QPushButton *m_play;
    QPushButton *m_forward;
    QComboBox *m_speed;
    QComboBox *m_jump;
    QSlider *m_price;
    QLabel *m_priceLabel;
    QCheckBox *m_large;
    QToolButton *m_fullScreen;
    QTimer *m_timer;
};

} // namespace lp
