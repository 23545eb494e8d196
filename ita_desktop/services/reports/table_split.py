"""Where a table is cut over pages: rows cut at a line end, groups cut at a row boundary."""

from dataclasses import replace

from reportlab.platypus import PageBreak

from ita_desktop.services.reports.cells import height

PAD_X, PAD_TOP, PAD_BOTTOM = 4.0, 4.5, 3.0  # room above for stacked marks; text looks centred
MIN_PIECE = 40.0  # a group is cut to fill a page only when two or three lines of it fit
MIN_LINES = 3  # a row is cut only with three lines or more on each side of the page break


class RowSplitting:
    """The continuation half of TableBuilder (cells, width_of, row_height, header, room, make)."""

    def _cut(self, row, room: float):
        """``row`` as (what fits in ``room``, the rest), cut at line ends; None if it cannot."""
        if row.spans or row.down or row.kind != "body":
            return None
        firsts, rests = [], []
        for c, cell in enumerate(row.cells):
            result = self.cells.split_first(cell, self.width_of(c), room - PAD_TOP - PAD_BOTTOM)
            if result is None:
                return None
            firsts.append(result[0])
            rests.append(result[1])
        return replace(row, cells=firsts), replace(row, cells=rests)

    def _least_cut(self) -> float:
        """The height of the smallest part of a cut row: MIN_LINES lines and the padding."""
        return MIN_LINES * self.cells.style().leading + PAD_TOP + PAD_BOTTOM

    def _cut_lines(self, row, room: float):
        """``_cut`` keeping MIN_LINES lines on each side: a short row (a date in two lines, a
        three-line step) moves whole rather than leave a line or two behind; None if it does."""
        leading, least = self.cells.style().leading, self._least_cut()
        for _ in range(MIN_LINES):
            cut = self._cut(row, room)
            if cut is None or not any(cut[0].cells) or self.row_height(cut[0]) < least - 1e-6:
                return None
            if not any(cut[1].cells) or self.row_height(cut[1]) >= least - 1e-6:
                return cut
            room -= leading  # too few lines would go over: send one more
        return None

    def _continued(self, row, room: float) -> list:
        """``row`` as continuation rows each at most ``room`` high."""
        pieces = [row]
        while self.row_height(pieces[-1]) > room:
            cut = self._cut(pieces[-1], room)
            if cut is None or not any(cut[0].cells):
                break  # a grid taller than a page: ReportLab reports it
            pieces[-1:] = list(cut)
        return pieces

    def _cut_group(self, body: list, i: int, room: float):
        """(rows of the group at ``body[i]`` that fit in ``room``, its other rows, end) or None."""
        # The spanned cells are cut at a line end: their first part beside the rows that fit,
        # the rest beside the others (or a row of its own when every row fitted).
        count = max(body[i].down.values())
        rows = body[i : i + count]
        fit, used = 0, 0.0
        for row in rows:
            h = self.row_height(row)
            if used + h > room:
                break
            fit, used = fit + 1, used + h
        spans = {
            c: height(body[i].cells[c], self.width_of(c)) + PAD_TOP + PAD_BOTTOM
            for c in body[i].down
        }
        whole = max(sum(self.row_height(r) for r in rows), *spans.values())
        # Worth it when a good part fits, or when the group is taller than any page anyway.
        if fit == 0 or not (used >= 2 * MIN_PIECE or (whole > self.room and used >= MIN_PIECE)):
            return None
        firsts, rests = {}, {}
        for c in body[i].down:
            result = self.cells.split_first(
                body[i].cells[c], self.width_of(c), room - PAD_TOP - PAD_BOTTOM
            )
            if result is None:
                return None
            firsts[c], rests[c] = result
        first = [replace(r, cells=list(r.cells), down={}) for r in rows[:fit]]
        rest = [replace(r, cells=list(r.cells), down={}) for r in rows[fit:]]
        if not rest:
            if not any(rests.values()):
                return None  # it all fits: ReportLab's own split does that
            rest = [type(body[i])([""] * len(body[i].cells), "body")]
        for part, texts in ((first, firsts), (rest, rests)):
            for c, text in texts.items():
                part[0].cells[c] = text
                if len(part) > 1:
                    part[0].down[c] = len(part)
        return first, rest, i + count

    def _lead_height(self, body: list) -> float:
        """What must fit under a heading for the table to start on the same page: the header
        and its first row, or the first lines of a first row that is cut there (a group with
        spanned cells: the rows of it that make a good part, as ``_cut_group`` cuts)."""
        lead = self.header_height
        for i, row in enumerate(body):
            h = self.row_height(row)
            if row.kind == "heading":
                lead += h
                continue
            if row.down:
                rows = body[i : i + max(row.down.values())]
                spans = [
                    height(row.cells[c], self.width_of(c)) + PAD_TOP + PAD_BOTTOM for c in row.down
                ]
                whole = max(sum(self.row_height(r) for r in rows), *spans)
                used = 0.0
                for r in rows:
                    used += self.row_height(r)
                    if used >= 2 * MIN_PIECE:
                        break
                lead += whole if used < 2 * MIN_PIECE else min(whole, used)
            elif h >= 2 * self._least_cut() and self._cut(row, 1e6):
                lead += self._least_cut()
            else:
                lead += h
            break
        return min(lead, 0.35 * self.max_height)

    def split_rows(self, table, width: float, avail: float) -> list:
        """[this page's part, a page break, the rest]: at the last row boundary that fits, and
        when a page would be left with room, the next row cut at a line end (or the next group
        at a row boundary, its spanned texts continued) to fill it; [] to move on."""
        return self._on_next_page(self._split_rows(table, width, avail))

    @staticmethod
    def _on_next_page(parts: list) -> list:
        """The rest always starts the next page: ReportLab would set it, under its repeated
        header, in whatever room the first part leaves (a group cut at a row boundary leaves
        some), cutting its first row there in the middle of the page."""
        return [parts[0], PageBreak(), parts[1]] if parts else []

    def _split_rows(self, table, width: float, avail: float) -> list:
        table._calc(width, avail)
        heights = table._rowHeights
        nh = len(self.header)
        n = max(table._getFirstPossibleSplitRowPosition(avail), nh)
        body = table.body
        if n >= len(heights):
            return []
        whole = [self.make(body[: n - nh]), self.make(body[n - nh :])] if n > nh else []
        i = n - nh  # the first body row that does not fit
        left = avail - sum(heights[:n])
        head = []
        if body[i].keep_next and i + 1 < len(body):
            head, left, i = [body[i]], left - heights[n], i + 1
        crossing = any(j + rows > i for j, r in enumerate(body[:i]) for rows in r.down.values())
        if left < MIN_PIECE or crossing:
            return whole
        if body[i].down:
            cut = self._cut_group(body, i, left)
            if cut is None:
                return whole
            first, rest, end = cut
        else:
            cut = self._cut_lines(body[i], left)
            if cut is None or not any(cut[1].cells) or self.row_height(cut[0]) > left:
                return whole
            first, rest, end = [cut[0]], [cut[1]], i + 1
        this_page = self.make([*body[: i - len(head)], *head, *first])
        if this_page.wrap(width, avail)[1] > avail + 1e-6:
            return whole  # measured differently than drawn (never with our paragraphs)
        return [this_page, self.make([*rest, *body[end:]])]
