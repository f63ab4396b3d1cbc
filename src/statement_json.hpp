#pragma once
// Statements (disclosure/statement.hpp) in the reports@1 JSON format: read with the path of every
// problem, written with decimals as strings so their digits stay exact.
#include <nlohmann/json.hpp>

#include "disclosure/statement.hpp"
#include "json_where.hpp"

namespace disclosure::io::detail {

Statement read_statement(const json& j, const Where& w);
nlohmann::ordered_json statement_json(const Statement& s);

}  // namespace disclosure::io::detail
