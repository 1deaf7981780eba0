build/obj/src/money.o: src/money.c include/yusuan/money.h
include/yusuan/money.h:
