build/obj/src/text.o: src/text.c include/yusuan/text.h \
 include/yusuan/base.h
include/yusuan/text.h:
include/yusuan/base.h:
