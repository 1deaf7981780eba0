/*
 * cmd_serve.c - yusuan serve --db PATH|postgresql://… [--listen ADDR:PORT]
 *               [--threads N]
 *
 * The library serves (serve.h) on threads of its own; this reads the
 * command line, prints where it listens and waits for SIGINT or SIGTERM.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yusuan/serve.h"

static const char usage[] =
	"用法：yusuan serve --db DB [--listen 地址:端口] [--threads N] [--catalog DIR]\n"
	"\n"
	"网页和 JSON 接口（docs/api.md）：登录、上传并检查公开文件、复核发现、部门预算的流程、审计日志、用户。\n"
	"所有状态都在数据库中：几个 serve 进程可以共用一个 PostgreSQL（docs/deploy.md）。\n"
	"  --db DB             数据库：文件路径、sqlite:路径或 postgresql://…\n"
	"  --listen A:P        监听的地址和端口（默认 127.0.0.1:8080，只对本机；端口 0：任一空闲端口）\n"
	"  --threads N         工作线程数，每个线程一个数据库连接（默认 4）\n"
	"  --catalog DIR       分类目录文件夹（默认：随程序的 data/catalog）\n"
	"用户用 yusuan user add 添加。Ctrl-C 或 SIGTERM 停止。\n"
	"\n"
	"退出码：0 正常停止，2 用法错误，3 地址不对或无法监听，4 数据库出错\n";

int cmd_serve(int argc, char **argv)
{
	ys_serve_opts o;
	memset(&o, 0, sizeof o);
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			o.db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--listen", &missing))) {
			o.listen = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--catalog", &missing))) {
			o.catalog = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--threads", &missing))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > 256)
				return cli_usage_error(usage, "--threads 应为 1 到 256");
			o.threads = (int)n;
		} else if (missing) {
			return cli_usage_error(usage, "%s 需要一个值", argv[i]);
		} else {
			return cli_usage_error(usage, "不认识的参数 %s", argv[i]);
		}
	}
	if (!o.db)
		return cli_usage_error(usage, "缺少 --db");
	/* the server's threads inherit the mask: only this one takes the signals */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_server *s = NULL;
	if (ys_serve_start(&ctx, &o, &s))
		return cli_fail(&ctx);
	printf("yusuan serve：%s（%s）\n", ys_serve_url(s), strncmp(o.db, "postgres", 8) ? "SQLite" : "PostgreSQL");
	fflush(stdout);
	int sig = 0;
	sigwait(&set, &sig);
	ys_serve_stop(s);
	fprintf(stderr, "yusuan serve：已停止\n");
	return EXIT_OK;
}
