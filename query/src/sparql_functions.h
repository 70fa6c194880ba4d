// The function table: every built-in function and aggregate of the SPARQL
// engine is one entry {name, arity, evaluate}. The parser resolves calls by
// name through it (arity checked there), the evaluator calls `evaluate`
// (or `aggregate`), and completion, `vnkg query --help` and the fuzz
// dictionary (fuzz/make_seeds.py reads sparql_functions.cc) list it.
// Adding a function: one entry in kFunctions (sparql_functions.cc) and its
// evaluation next to it.
#pragma once

#include <unicode/regex.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sparql_internal.h"

namespace vnkg::sparql {

// The value of an expression: a term, or an error (unbound variable, type
// error). Errors propagate as SPARQL 1.1 section 17.2 says.
struct Val {
  bool ok = false;
  SparqlTerm t;
};
inline Val Error() { return {}; }
inline Val Term(SparqlTerm t) { return {true, std::move(t)}; }
Val Bool(bool b);
Val Str(std::string s, std::string lang = "");
Val Typed(std::string lexical, std::string_view datatype);

bool IsLiteral(const SparqlTerm& t);
bool IsStringLike(const SparqlTerm& t);  // simple, xsd:string or language-tagged
bool IsSimple(const SparqlTerm& t);
bool IsBoolean(const SparqlTerm& t);
bool IsNumeric(const SparqlTerm& t);
std::optional<double> Number(const SparqlTerm& t);
// The ordering of SPARQL's < and >, where defined.
std::optional<int> CompareValues(const SparqlTerm& a, const SparqlTerm& b);
// The = operator; nullopt for a type error.
std::optional<bool> Equal(const SparqlTerm& a, const SparqlTerm& b);
// Effective boolean value (17.2.2); nullopt for an error.
std::optional<bool> Ebv(const Val& v);
// The total order of ORDER BY (and of MIN / MAX).
int OrderCompare(const Val& a, const Val& b);

// The arithmetic operators on numbers (SPARQL 1.1, 17.3; XPath's
// op:numeric-add and the rest), an error for any other operand. The result's
// type is the wider operand's (integer < decimal < double), except that
// integer / integer is a decimal. Integers are exact (64 bits; an overflow is
// an error, as is a division of integers or decimals by zero); a decimal's
// quotient of integers has 18 fractional digits, like AVG; other decimals and
// doubles are computed as doubles. `op` is kAdd, kSubtract, kMultiply or kDivide.
Val Arithmetic(Op op, const SparqlTerm& a, const SparqlTerm& b);
// Unary minus and plus: the number negated or as it is; an error for a non-number.
Val Negate(const SparqlTerm& a);
Val UnaryPlus(const SparqlTerm& a);

// What a function may need besides its arguments.
class FunctionContext {
 public:
  virtual ~FunctionContext() = default;
  virtual const std::string& Now() = 0;  // xsd:dateTime lexical form, fixed for the query
  // A compiled regex for (pattern, flags), cached; nullptr for a bad one.
  virtual const icu::RegexPattern* Regex(const std::string& pattern, const std::string& flags) = 0;
};

// The arguments of a call, evaluated when asked (COALESCE and IF need that).
class CallArgs {
 public:
  virtual ~CallArgs() = default;
  virtual std::size_t size() const = 0;
  virtual Val operator[](std::size_t i) = 0;
};

struct Function {
  enum class Kind { kScalar, kAggregate };
  std::string_view name;  // upper case
  std::size_t min_args = 0, max_args = 0;  // kVariadic: no upper bound
  Kind kind = Kind::kScalar;
  // Scalar: evaluated with its arguments. `strict`: any argument's error is
  // the call's error, and evaluate sees only values.
  bool strict = true;
  Val (*evaluate)(CallArgs& args, FunctionContext& context) = nullptr;
  // Aggregate: the values of its argument over a group (DISTINCT applied),
  // and the separator of GROUP_CONCAT. An argument's error (an unbound
  // variable, say) makes the aggregate an error (SPARQL 1.1, 18.5.1), unless
  // `skips_errors` (COUNT, SAMPLE): then such values are left out.
  Val (*aggregate)(const std::vector<SparqlTerm>& values, const std::string& separator) = nullptr;
  bool skips_errors = false;
  std::string_view signature;
  std::string_view help;
  bool variable_arg = false;  // BOUND: its argument must be a variable
};
inline constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);

std::span<const Function> Functions();
const Function* FindFunction(std::string_view upper_name);

}  // namespace vnkg::sparql
