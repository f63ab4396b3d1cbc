#pragma once
// Many reports of one form as one matrix: cells × reports of int64, a column per report, stored
// row-major so that each cell's values over all reports are contiguous. That is the layout of a
// pandas DataFrame with one column per cell (so a frame is viewed without copying) and the layout
// the batch check wants: a rule adds whole rows, vectorised across reports.
//
// Values are exact integers in the cell's own units (a count as it is; 万元 with 6 decimals in
// millionths), the representation RuleSet compiles against. A decimal comes back at the cell's
// scale (9116.36 as 9116.360000): the same number; the digits the report printed are not kept. int64 rather than double: both hold
// every value exactly (they are capped at 2^53), but sums of many such values can exceed 2^53,
// where doubles round and int64 does not; and the check is bound by memory bandwidth, so the two
// are equally fast.
//
// Missing cells hold 0 in the matrix and are listed in a sparse mask (report, cell, kind), sorted
// by report: real reports leave few cells unnumbered, so 6 bytes per missing cell beats a byte per
// cell by far (a panel of fully stated reports has an empty mask). A blank, "—", "/" and 0 stay
// different facts: the mask says which.
//
// A panel is an immutable value; copies share the storage. It may view memory it does not own
// (a NumPy array, a DataFrame's block), kept alive through `owner`.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "disclosure/report.hpp"

namespace disclosure {

class Panel {
public:
  using Matrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using View = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;

  struct MissingCell {
    std::uint32_t report = 0;
    std::uint32_t cell = 0;
    Missing kind = Missing::not_stated;
    friend bool operator==(const MissingCell&, const MissingCell&) = default;
  };
  // A unit a report gives for one cell instead of the form's (元 for a 万元 cell): rules over it err.
  struct UnitOverride {
    std::uint32_t report = 0;
    std::uint32_t cell = 0;
    std::string unit;
    friend bool operator==(const UnitOverride&, const UnitOverride&) = default;
  };
  // Who published each report, for which year and scope, and the report whose scope contains it.
  struct Metadata {
    std::vector<std::string> id, issuer, scope, within, series;
    std::vector<int> year;
    friend bool operator==(const Metadata&, const Metadata&) = default;
  };

  // A view of `data`: cells × reports, row-major with `row_stride` elements between cells.
  // Validates every value (sign, magnitude) and the mask (a missing cell holds 0), naming the
  // report and cell of the first problem.
  Panel(std::shared_ptr<const Form> form, const std::int64_t* data, std::size_t reports, std::ptrdiff_t row_stride, std::shared_ptr<const void> owner,
        std::vector<MissingCell> missing = {}, Metadata meta = {}, std::vector<UnitOverride> units = {})
      : form_(std::move(form)), data_(data), reports_(reports), stride_(row_stride), owner_(std::move(owner)),
        ix_(std::make_shared<Index>(Index{std::move(missing), {}, std::move(meta), std::move(units), {}})) {
    if (!form_) throw Error("a panel needs a form");
    if (reports > UINT32_MAX) throw Error("a panel holds at most 2^32-1 reports");
    if (static_cast<std::ptrdiff_t>(reports) > row_stride && form_->size() > 1) throw Error("panel: row stride is shorter than a row");
    fill_metadata();
    index_missing();
    index_units();
    validate();
  }

  // An owned matrix (cells × reports).
  Panel(std::shared_ptr<const Form> form, Matrix values, std::vector<MissingCell> missing = {}, Metadata meta = {}, std::vector<UnitOverride> units = {})
      : Panel(owned(std::move(form), std::move(values)), std::move(missing), std::move(meta), std::move(units)) {}

  // The reports' cells and metadata (stated figures and extras stay with the reports).
  static Panel from_reports(const std::vector<Report>& reports) {
    if (reports.empty()) throw Error("a panel needs at least one report to know its form");
    auto form = reports.front().form_ptr();
    const std::size_t n = reports.size(), m = form->size();
    Matrix x = Matrix::Zero(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(n));
    std::vector<MissingCell> missing;
    std::vector<UnitOverride> units;
    Metadata meta;
    for (std::size_t j = 0; j < n; ++j) {
      const Report& r = reports[j];
      if (!(r.form() == *form)) throw Error("report '" + r.id() + "' is on form '" + r.form().key() + "', the panel on '" + form->key() + "'");
      for (std::size_t c = 0; c < m; ++c) {
        if (r[c].has_number()) x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(j)) = r[c].number().rescaled(form->cells()[c].decimals).units();
        else missing.push_back({static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(c), r[c].missing()});
      }
      for (const auto& [c, u] : r.unit_overrides()) units.push_back({static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(c), u});
      meta.id.push_back(r.id());
      meta.issuer.push_back(r.issuer);
      meta.year.push_back(r.year);
      meta.scope.push_back(r.scope);
      meta.within.push_back(r.within);
      meta.series.push_back(r.series);
    }
    return Panel(std::move(form), std::move(x), std::move(missing), std::move(meta), std::move(units));
  }

  const Form& form() const noexcept { return *form_; }
  const std::shared_ptr<const Form>& form_ptr() const noexcept { return form_; }
  std::size_t size() const noexcept { return reports_; }  // reports
  std::size_t cells() const noexcept { return form_->size(); }
  View values() const { return View(data_, static_cast<Eigen::Index>(cells()), static_cast<Eigen::Index>(reports_), Eigen::OuterStride<>(stride_)); }
  // The values of one cell over all reports (contiguous).
  const std::int64_t* row(std::size_t cell) const noexcept { return data_ + static_cast<std::ptrdiff_t>(cell) * stride_; }
  std::ptrdiff_t row_stride() const noexcept { return stride_; }
  const std::shared_ptr<const void>& owner() const noexcept { return owner_; }
  // The largest magnitude of any value: a batch check looks at each report's values only above a bound.
  std::int64_t largest_magnitude() const noexcept { return largest_; }

  // Sorted by report, then cell.
  const std::vector<MissingCell>& missing_cells() const noexcept { return ix_->missing; }
  std::span<const MissingCell> missing_of(std::size_t report) const {
    return {ix_->missing.data() + missing_offset(report), ix_->missing.data() + missing_offset(report + 1)};
  }
  // Sorted by report, then cell.
  const std::vector<UnitOverride>& unit_overrides() const noexcept { return ix_->units; }
  std::span<const UnitOverride> units_of(std::size_t report) const {
    auto lo = std::lower_bound(ix_->units.begin(), ix_->units.end(), report, [](const UnitOverride& u, std::size_t r) { return u.report < r; });
    auto hi = std::upper_bound(lo, ix_->units.end(), report, [](std::size_t r, const UnitOverride& u) { return r < u.report; });
    return {ix_->units.data() + (lo - ix_->units.begin()), ix_->units.data() + (hi - ix_->units.begin())};
  }
  // A report whose cells are all numbers in the form's units: the batch check's fast path alone decides it.
  bool is_plain(std::size_t report) const noexcept {
    return missing_offset(report) == missing_offset(report + 1) && !std::binary_search(ix_->unit_reports.begin(), ix_->unit_reports.end(), report);
  }

  const Metadata& metadata() const noexcept { return ix_->meta; }
  const std::string& id(std::size_t report) const { return ix_->meta.id.at(report); }

  Value value(std::size_t cell, std::size_t report) const {
    check_index(cell, report);
    for (const auto& mc : missing_of(report))
      if (mc.cell == cell) return mc.kind == Missing::not_stated ? Value() : Value::absent(mc.kind);
    return Value(Decimal(row(cell)[report], form_->cells()[cell].decimals));
  }
  Value value(const std::string& key, std::size_t report) const { return value(form_->index(key), report); }

  // One column as a Report, with its metadata and units.
  Report report(std::size_t j) const {
    check_index(0, j);
    Report r(form_, ix_->meta.id[j]);
    r.issuer = ix_->meta.issuer[j];
    r.year = ix_->meta.year[j];
    r.scope = ix_->meta.scope[j];
    r.within = ix_->meta.within[j];
    r.series = ix_->meta.series[j];
    for (std::size_t c = 0; c < cells(); ++c) r.set(c, Value(Decimal(row(c)[j], form_->cells()[c].decimals)));
    for (const auto& mc : missing_of(j)) r.set(mc.cell, mc.kind == Missing::not_stated ? Value() : Value::absent(mc.kind));
    for (const auto& u : units_of(j)) r.set_unit(form_->cells()[u.cell].key, u.unit);
    return r;
  }
  std::vector<Report> reports() const {
    std::vector<Report> out;
    out.reserve(reports_);
    for (std::size_t j = 0; j < reports_; ++j) out.push_back(report(j));
    return out;
  }

  // The sum of each report's values, one pass over the matrix in blocks of reports (what the batch
  // check is measured against: it cannot read the data faster than this), on `threads` threads.
  Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> column_sums(unsigned threads = 1) const {
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> out = Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1>::Zero(static_cast<Eigen::Index>(reports_));
    constexpr std::size_t block = 1024;
    auto work = [&](std::size_t begin, std::size_t end) {
      for (std::size_t j0 = begin; j0 < end; j0 += block) {
        const auto b = static_cast<Eigen::Index>(std::min(block, end - j0));
        auto acc = out.segment(static_cast<Eigen::Index>(j0), b);
        for (std::size_t c = 0; c < cells(); ++c) acc += Eigen::Map<const Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1>>(row(c) + j0, b);
      }
    };
    threads = std::max(1u, threads);
    const std::size_t chunk = (reports_ / threads + block - 1) / block * block;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::min(reports_, t * chunk), t + 1 == threads ? reports_ : std::min(reports_, (t + 1) * chunk));
    work(0, std::min(reports_, chunk));
    for (auto& th : pool) th.join();
    return out;
  }

  // Bytes the panel holds: the values, the mask and its index, the metadata.
  std::size_t bytes() const noexcept {
    std::size_t b = cells() * reports_ * sizeof(std::int64_t) + ix_->missing.size() * sizeof(MissingCell) + ix_->offsets.size() * sizeof(std::uint64_t);
    for (const auto* v : {&ix_->meta.id, &ix_->meta.issuer, &ix_->meta.scope, &ix_->meta.within, &ix_->meta.series})
      for (const auto& s : *v) b += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
    return b + ix_->meta.year.size() * sizeof(int);
  }

  friend bool operator==(const Panel& a, const Panel& b) {
    return *a.form_ == *b.form_ && a.reports_ == b.reports_ && a.values() == b.values() && a.ix_->missing == b.ix_->missing && a.ix_->meta == b.ix_->meta &&
           a.ix_->units == b.ix_->units;
  }

private:
  struct Owned {
    std::shared_ptr<const Form> form;
    std::shared_ptr<Matrix> matrix;
  };
  static Owned owned(std::shared_ptr<const Form> form, Matrix values) {
    if (!form) throw Error("a panel needs a form");
    if (static_cast<std::size_t>(values.rows()) != form->size())
      throw Error("panel values have " + std::to_string(values.rows()) + " rows; form '" + form->key() + "' has " + std::to_string(form->size()) + " cells");
    return {std::move(form), std::make_shared<Matrix>(std::move(values))};
  }
  Panel(Owned o, std::vector<MissingCell> missing, Metadata meta, std::vector<UnitOverride> units)
      : Panel(o.form, o.matrix->data(), static_cast<std::size_t>(o.matrix->cols()), o.matrix->cols(), o.matrix, std::move(missing), std::move(meta),
              std::move(units)) {}

  void check_index(std::size_t cell, std::size_t report) const {
    if (cell >= cells()) throw Error("panel: no cell " + std::to_string(cell) + " (form '" + form_->key() + "' has " + std::to_string(cells()) + ")");
    if (report >= reports_) throw Error("panel: no report " + std::to_string(report) + " (the panel has " + std::to_string(reports_) + ")");
  }

  std::size_t missing_offset(std::size_t report) const noexcept { return ix_->offsets.empty() ? 0 : static_cast<std::size_t>(ix_->offsets[report]); }

  void fill_metadata() {
    auto fit = [&](auto& v, const char* what) {
      if (v.empty()) v.resize(reports_);
      else if (v.size() != reports_)
        throw Error(std::string("panel metadata '") + what + "' has " + std::to_string(v.size()) + " entries for " + std::to_string(reports_) + " reports");
    };
    bool no_ids = ix_->meta.id.empty();
    fit(ix_->meta.id, "id");
    if (no_ids)
      for (std::size_t j = 0; j < reports_; ++j) ix_->meta.id[j] = std::to_string(j);
    fit(ix_->meta.issuer, "issuer");
    fit(ix_->meta.scope, "scope");
    fit(ix_->meta.within, "within");
    fit(ix_->meta.series, "series");
    fit(ix_->meta.year, "year");
  }

  void index_missing() {
    auto key = [](const MissingCell& m) { return std::pair(m.report, m.cell); };
    if (!std::is_sorted(ix_->missing.begin(), ix_->missing.end(), [&](auto& a, auto& b) { return key(a) < key(b); }))
      std::sort(ix_->missing.begin(), ix_->missing.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
    ix_->offsets.clear();
    if (ix_->missing.empty()) return;
    ix_->offsets.assign(reports_ + 1, 0);
    for (std::size_t i = 0; i < ix_->missing.size(); ++i) {
      const auto& m = ix_->missing[i];
      if (m.report >= reports_ || m.cell >= cells())
        throw Error("panel mask: (report " + std::to_string(m.report) + ", cell " + std::to_string(m.cell) + ") is outside the panel");
      if (m.kind == Missing::none) throw Error("panel mask: report '" + ix_->meta.id[m.report] + "', cell '" + form_->cells()[m.cell].key + "' is listed with kind 'none'");
      if (i && key(ix_->missing[i - 1]) == key(m)) throw Error("panel mask: report '" + ix_->meta.id[m.report] + "', cell '" + form_->cells()[m.cell].key + "' is listed twice");
      ++ix_->offsets[m.report + 1];
    }
    for (std::size_t j = 0; j < reports_; ++j) ix_->offsets[j + 1] += ix_->offsets[j];
  }

  void index_units() {
    std::sort(ix_->units.begin(), ix_->units.end(), [](const UnitOverride& a, const UnitOverride& b) { return std::pair(a.report, a.cell) < std::pair(b.report, b.cell); });
    for (const auto& u : ix_->units) {
      if (u.report >= reports_ || u.cell >= cells()) throw Error("panel units: (report " + std::to_string(u.report) + ", cell " + std::to_string(u.cell) + ") is outside the panel");
      ix_->unit_reports.push_back(u.report);
    }
    std::sort(ix_->unit_reports.begin(), ix_->unit_reports.end());
  }

  // One pass: a missing cell holds 0; numbers respect the cell's sign and the 2^53 cap.
  void validate() {
    for (const auto& m : ix_->missing)
      if (row(m.cell)[m.report] != 0)
        throw Error("report '" + ix_->meta.id[m.report] + "', cell '" + form_->cells()[m.cell].key + "' is " + std::string(to_string(m.kind)) + " but holds " +
                    std::to_string(row(m.cell)[m.report]) + " (a missing cell holds 0)");
    for (std::size_t c = 0; c < cells(); ++c) {
      const Cell& cell = form_->cells()[c];
      const std::int64_t* x = row(c);
      std::int64_t lo = 0, hi = 0;
      for (std::size_t j = 0; j < reports_; ++j) {
        lo = std::min(lo, x[j]);
        hi = std::max(hi, x[j]);
      }
      largest_ = std::max({largest_, hi, lo < -Decimal::max_units ? Decimal::max_units + 1 : -lo});
      if ((lo < 0 && !cell.allow_negative) || hi > Decimal::max_units || lo < -Decimal::max_units) {
        for (std::size_t j = 0; j < reports_; ++j)
          if ((x[j] < 0 && !cell.allow_negative) || x[j] > Decimal::max_units || x[j] < -Decimal::max_units)
            throw Error("report '" + ix_->meta.id[j] + "', cell '" + cell.key + "': " + std::to_string(x[j]) +
                        (x[j] < 0 && !cell.allow_negative ? " (the cell cannot be negative)" : " (beyond the supported magnitude 2^53)"));
      }
    }
  }

  std::shared_ptr<const Form> form_;
  const std::int64_t* data_ = nullptr;
  std::size_t reports_ = 0;
  std::ptrdiff_t stride_ = 0;
  std::shared_ptr<const void> owner_;
  std::int64_t largest_ = 0;  // the largest |value| (validate)
  // The mask, metadata and units, shared by copies (a panel never changes once built).
  struct Index {
    std::vector<MissingCell> missing;
    std::vector<std::uint64_t> offsets;  // missing of report j: [offsets[j], offsets[j+1]); empty when nothing is missing
    Metadata meta;
    std::vector<UnitOverride> units;
    std::vector<std::uint32_t> unit_reports;  // sorted reports that have a unit override
  };
  std::shared_ptr<Index> ix_;
};

}  // namespace disclosure
