"""Lab trends: a QtCharts line chart of one analyte across samples (IgG by default), with the protocol's
thresholds and the reference range drawn in. Masked values are never plotted for blinded roles."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trialdesk.clock import local_now, parse_utc
from trialdesk.domain.labs import reference_range, to_display, unit_label
from trialdesk.services import visits as vs
from trialdesk.services.screening import protocol
from trialdesk.ui.visits.common import LOCAL_TZ, decimal_text, lab_symbol
from trialdesk.ui.widgets import ui_language


def eligibility_threshold(analyte: str):
    """The screening threshold of ``analyte`` (IgG 5.0 g/L, NK 125 ×10^6/L) from the protocol's criteria."""
    for criterion in protocol().criteria:
        d = criterion.derivation
        if d is not None and d.kind == "lab_threshold" and d.params.get("analyte") == analyte:
            return d.params.get("threshold_canonical")
    return None


class LabTrendWidget(QWidget):
    """Chooser + chart. ``plotted`` and ``hidden`` count the points drawn and the masked ones left out."""

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.sex = self.age = None
        self.plotted = self.hidden = 0
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("Anal&yte:"))
        self.analyte = QComboBox()
        self.analyte.setAccessibleName(self.tr("Analyte shown in the chart"))
        label.setBuddy(self.analyte)
        nb = ui_language() == "nb"
        order = ["IGG", "NK"] + [a for a in protocol().labs if a not in ("IGG", "NK")]
        for code in order:
            lab = protocol().lab(code)
            self.analyte.addItem(f"{lab_symbol(code)} — {lab.name_nb if nb else lab.name_en}", code)
        row.addWidget(label)
        row.addWidget(self.analyte)
        row.addStretch(1)
        box.addLayout(row)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # full labels, one per line
        # Axis numbers as the UI language writes them (4,5 in Bokmål).
        self.chart.setLocalizeNumbers(True)
        self.chart.setLocale(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
                             if ui_language() == "nb" else QLocale(QLocale.Language.English))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Lab trend chart"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        self.analyte.currentIndexChanged.connect(lambda *_: self.reload())

    def show_participant(self, participant_id: str, sex: str | None = None, age: int | None = None) -> None:
        self.participant_id, self.sex, self.age = participant_id, sex, age
        self.reload()

    def _line(self, name: str, value: float, start: QDateTime, end: QDateTime, colour: str, dashed: bool) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        series.append(QPointF(start.toMSecsSinceEpoch(), value))
        series.append(QPointF(end.toMSecsSinceEpoch(), value))
        pen = QPen(QColor(colour))
        pen.setWidth(2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        return series

    def reload(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if self.participant_id is None:
            return
        code = self.analyte.currentData()
        lab = protocol().lab(code)
        views = vs.lab_results(self.store, self.user, self.participant_id, code)
        shown = [v for v in views if not v.masked and v.value is not None]
        self.hidden = len(views) - len(shown)
        self.plotted = len(shown)
        unit = unit_label(lab.display_unit)

        def disp(value) -> float:
            return float(to_display(protocol(), code, value)[0])

        series = QLineSeries()
        series.setName(self.tr("{symbol} ({unit})").format(symbol=lab_symbol(lab.code), unit=unit))
        pen = QPen(QColor("#0d47a1"))
        pen.setWidth(3)
        series.setPen(pen)
        dots = QScatterSeries()
        dots.setMarkerSize(9)
        dots.setColor(QColor("#0d47a1"))
        values = []
        times = []
        for v in shown:
            moment = QDateTime.fromSecsSinceEpoch(int(parse_utc(v.sampled_at).timestamp()))
            y = disp(v.value)
            series.append(QPointF(moment.toMSecsSinceEpoch(), y))
            dots.append(QPointF(moment.toMSecsSinceEpoch(), y))
            values.append(y)
            times.append(moment)
        if times:
            start, end = times[0].addDays(-7), times[-1].addDays(7)
        else:
            now = QDateTime.fromSecsSinceEpoch(int(local_now().timestamp()))
            start, end = now.addDays(-30), now.addDays(30)
        lines = []
        threshold = eligibility_threshold(code)
        if threshold is not None:
            lines.append(self._line(self.tr("Eligibility limit {v} {unit}").format(
                v=decimal_text(disp(threshold)), unit=unit), disp(threshold), start, end, "#6a1b9a", True))
        if lab.safety is not None and lab.safety.min is not None:
            lines.append(self._line(self.tr("Safety limit {v} {unit}").format(
                v=decimal_text(disp(lab.safety.min)), unit=unit), disp(lab.safety.min), start, end, "#b71c1c", False))
        ref = reference_range(protocol(), code, self.sex, self.age)
        if ref is not None:
            for bound, text in ((ref.low, self.tr("Reference low")), (ref.high, self.tr("Reference high"))):
                if bound is not None:
                    lines.append(self._line(f"{text} {decimal_text(disp(bound))}", disp(bound), start, end,
                                            "#2e7d32", True))
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd.MM.yyyy")
        x_axis.setRange(start, end)
        x_axis.setTickCount(5)
        y_axis = QValueAxis()
        y_axis.setTitleText(unit)
        y_axis.setLabelFormat("%.1f")
        all_values = values + [s.at(0).y() for s in lines]
        top = max(all_values) if all_values else 1.0
        y_axis.setRange(0, top * 1.15 if top > 0 else 1)
        y_axis.applyNiceNumbers()  # 0, 5, 10, 15, 20 rather than 0, 4.5, 9.0, 13.5, 18.1
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in [*lines, series, dots]:
            self.chart.addSeries(s)
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        self.chart.legend().markers(dots)[0].setVisible(False)
        title = self.tr("{name} across samples").format(name=lab.name_nb if ui_language() == "nb" else lab.name_en)
        if self.hidden:
            title += self.tr(" — %n masked value(s) not plotted (blinded role)", "", self.hidden)
        self.chart.setTitle(title)
        if self.hidden:
            self.note.setText(self.tr("%n result(s) after the first dose are masked for your role and are not "
                                      "plotted; their safety check is shown with the visit.", "", self.hidden))
        elif not shown:
            self.note.setText(self.tr("No results of this analyte yet."))
        else:
            self.note.setText(self.tr("%n result(s); thresholds and reference range from protocol {version}.", "",
                                      len(shown)).format(version=protocol().version))


__all__ = ["LabTrendWidget", "eligibility_threshold", "datetime", "LOCAL_TZ"]
