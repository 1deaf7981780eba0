/*
 * cmd_serve.c - yusuan serve --db PATH|postgresql://… [--listen ADDR:PORT]
 *               [--threads N] [--workers N] [--catalog DIR]
 *
 * The library serves (serve.h) on threads of its own; this reads the
 * command line, prints where it listens and waits for SIGINT or SIGTERM.
 */
#include <signal.h>
#include <string.h>

#include "cli.h"
#include "yusuan/serve.h"

typedef struct serve_opts {
	const char *db, *listen, *catdir;
	int threads, workers;
} serve_opts;

static const serve_opts defaults = { .workers = 2 };

static const char *const usage[] = {
	"serve --db 数据库 [--listen 地址:端口] [--threads N] [--workers N] [--catalog DIR]",
	NULL,
};

static const cli_opt options[] = {
	CLI_STRING(0, "db", serve_opts, db, "数据库", "文件路径、sqlite:路径或 postgresql://…（必须给出）"),
	CLI_STRING(0, "listen", serve_opts, listen, "地址:端口",
	           "监听的地址和端口（默认 127.0.0.1:8080，只对本机；[::1]:8080；端口 0：任一空闲端口）"),
	CLI_INT(0, "threads", serve_opts, threads, "N", 1, 256, "工作线程数，每个线程一个数据库连接（默认 4）"),
	CLI_INT(0, "workers", serve_opts, workers, "N", 0, 64,
	        "检查上传任务的线程数（默认 2；0：本进程只收任务，由共用数据库的别的 serve 进程检查）"),
	CLI_STRING(0, "catalog", serve_opts, catdir, "DIR", "检查所用的分类目录（默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_serve(void *arg, int argc, char **argv);

const cli_command cli_cmd_serve = {
	.name = "serve",
	.summary = "网页和 JSON 接口：上传、检查、复核、流程、审计（SQLite 或 PostgreSQL）",
	.usage = usage,
	.description =
		"网页和 JSON 接口（docs/api.md）：登录，上传并检查公开文件，复核发现（确认、排除、批注），\n"
		"部门预算的流程（编制 → 提交 → 审核 → 批复 → 公开），审计日志，用户管理。所有状态都在数据库中：\n"
		"几个 serve 进程可以共用一个 PostgreSQL（docs/deploy.md）。用户用 yusuan user add 添加。\n"
		"上传页（/upload）一次可传几个文件：每个文件是数据库里的一个任务，由 --workers 个线程领取并检查；\n"
		"共用一个 PostgreSQL 的几个进程共用这个队列，每个任务只做一次。\n"
		"启动后在标准输出写一行所监听的网址；Ctrl-C 或 SIGTERM 停止。\n",
	.opts = options,
	.exit_codes = "退出码：0 正常停止，2 用法错误，3 地址不对或无法监听，4 数据库出错\n",
	.max_args = 0,
	.opts_size = sizeof(serve_opts),
	.defaults = &defaults,
	.run = cmd_serve,
};

static int cmd_serve(void *arg, int argc, char **argv)
{
	const serve_opts *so = arg;
	(void)argc;
	(void)argv;
	if (!so->db)
		return cli_usage_error(&cli_cmd_serve, "缺少 --db");
	ys_serve_opts o;
	memset(&o, 0, sizeof o);
	o.db = so->db;
	o.listen = so->listen;
	o.threads = so->threads;
	o.catalog = so->catdir;
	o.workers = so->workers;
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
