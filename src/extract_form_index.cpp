// The form's cells with their category chains and label keys, built once per built-in form.
#include <map>
#include <memory>
#include <mutex>

#include "disclosure/forms/builtin.hpp"
#include "extract_detail.hpp"

namespace disclosure::io::detail {

FormIndex::FormIndex(std::shared_ptr<const Form> f) : form_ptr(std::move(f)), form(*form_ptr) {
  struct Walk {
    static void run(const Category& c, const std::string& path, bool root, std::vector<const Category*> chain,
                    std::vector<std::pair<std::string, std::vector<const Category*>>>& out) {
      chain.push_back(&c);
      if (!c.derived) out.emplace_back(path, chain);
      for (const auto& ch : c.children) run(ch, root ? ch.key : path + "." + ch.key, false, chain, out);
    }
  };
  for (const auto& t : form.tables()) {
    std::vector<std::pair<std::string, std::vector<const Category*>>> rows, cols;
    Walk::run(t.rows.root, t.rows.root.key, true, {}, rows);
    if (t.columns) Walk::run(t.columns->root, t.columns->root.key, true, {}, cols);
    else cols.emplace_back("", std::vector<const Category*>{});
    bool periods = t.columns && t.columns->key == "period";
    for (const auto& [rp, rc] : rows)
      for (const auto& [cp, cc] : cols) {
        auto i = form.find(t.key + "." + rp + (cp.empty() ? "" : "." + cp));
        if (!i) continue;
        cells.push_back({*i, rc, cc, periods, measure_of(form.cells()[*i].unit)});
        for (const auto* cat : rc) keys.try_emplace(cat, variants(*cat));
        for (const auto* cat : cc) {
          keys.try_emplace(cat, variants(*cat));
          if (cat->key != "year")
            for (const auto& k : keys[cat]) column_keys.push_back(k);
        }
      }
  }
  for (const auto& [cat, ks] : keys)
    for (const auto& k : ks) named[k].push_back(cat);
  chain_of.assign(form.size(), 0);
  for (std::size_t i = 0; i < cells.size(); ++i) chain_of[cells[i].cell] = i;
  parents.assign(form.size(), {});
  share_parent.assign(form.size(), std::nullopt);
  for (const auto& b : form.breakdowns())
    for (auto part : b.parts) {
      parents[part].push_back(b.parent);
      if (!share_parent[part] || !b.along_columns) share_parent[part] = b.parent;
    }
}

const FormIndex& builtin_index(const std::string& form_key) {
  static std::mutex lock;
  static std::map<std::string, std::unique_ptr<FormIndex>> built;
  std::lock_guard<std::mutex> guard(lock);
  auto& slot = built[form_key];
  if (!slot) slot = std::make_unique<FormIndex>(forms::builtin(form_key));
  return *slot;
}

}  // namespace disclosure::io::detail
