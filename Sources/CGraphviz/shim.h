#ifndef KG_CGRAPHVIZ_SHIM_H
#define KG_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
