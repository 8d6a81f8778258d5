#ifndef KG_CGRAPHVIZ_SHIM_H
#define KG_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
/* Agdirected is a mutable C global; Swift 6 reads it through this accessor. */
static inline Agdesc_t kg_agdirected(void) { return Agdirected; }
#endif
