build/obj/src/base.o: src/base.c include/yusuan/base.h
include/yusuan/base.h:
