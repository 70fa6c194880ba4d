#include "vnkg/query/startup.h"

#include "sparql_internal.h"
#include "vnkg/query/questions.h"

namespace vnkg {

Status KeepStartupIndexes(Store& store) {
  // First the resolution of events, which the view and the names read through the store.
  VNKG_RETURN_IF_ERROR(store.Sync());
  auto view_kept = store.ReadDerived(sparql::View::kDerivedName);
  if (!view_kept.ok()) return view_kept.status();
  if (!view_kept.value()) {
    auto view = sparql::View::Build(store);
    if (!view.ok()) return view.status();
    VNKG_RETURN_IF_ERROR(store.PutDerived(sparql::View::kDerivedName, view.value()->bytes()));
  }
  auto names_kept = store.ReadDerived(NameResolver::kDerivedName);
  if (!names_kept.ok()) return names_kept.status();
  if (!names_kept.value()) {
    auto names = NameResolver::Build(store);
    if (!names.ok()) return names.status();
    VNKG_RETURN_IF_ERROR(store.PutDerived(NameResolver::kDerivedName, names->Encode()));
  }
  // Layouts that a newer one replaced: a database ingested by an older vnkg
  // would otherwise carry them for good (Sync compacts them away).
  for (const char* superseded : {"sparql_view/1"}) VNKG_RETURN_IF_ERROR(store.DropDerived(superseded));
  return store.Sync();
}

}  // namespace vnkg
