/*
 * yusuan.h - the umbrella header of libyusuan, the library of the yusuan
 * program for Chinese department budgets (部门预算公开).
 */
#ifndef YUSUAN_H
#define YUSUAN_H

#define YUSUAN_VERSION "0.1.0"

#include "yusuan/base.h"
#include "yusuan/batch.h"
#include "yusuan/bedit.h"
#include "yusuan/budget.h"
#include "yusuan/catalog.h"
#include "yusuan/compile.h"
#include "yusuan/diff.h"
#include "yusuan/docset.h"
#include "yusuan/query.h"
#include "yusuan/score.h"
#include "yusuan/site.h"
#include "yusuan/doc.h"
#include "yusuan/input.h"
#include "yusuan/money.h"
#include "yusuan/narrative.h"
#include "yusuan/render.h"
#include "yusuan/review.h"
#include "yusuan/rules.h"
#include "yusuan/store.h"
#include "yusuan/tables.h"
#include "yusuan/text.h"
#include "yusuan/write.h"

#endif
