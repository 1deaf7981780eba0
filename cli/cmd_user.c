/*
 * cmd_user.c - yusuan user add NAME --role R [--department D]… --db DB
 *              yusuan user list --db DB | yusuan user del NAME --db DB
 *
 * The server's users (serve.h): the library keeps them; this reads the
 * command line and the password (one line of standard input) and prints.
 */
#include <string.h>

#include "cli.h"
#include "yusuan/serve.h"

typedef struct user_opts {
	const char *db;
	int role;
	cli_list depts;
} user_opts;

static const char *const roles[] = { "admin", "reviewer", "editor", "viewer", NULL };

static const char *const usage[] = {
	"user add 用户名 --role 角色 [--department 部门]... --db 数据库   （口令从标准输入读一行）",
	"user list --db 数据库",
	"user del 用户名 --db 数据库",
	NULL,
};

static const cli_arg args[] = {
	{ "add|list|del", "添加、列出或删除用户" },
	{ "用户名", "add 和 del 的用户" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING(0, "db", user_opts, db, "数据库", "文件路径、sqlite:路径或 postgresql://…（必须给出）"),
	CLI_CHOICE(0, "role", user_opts, role, "admin|reviewer|editor|viewer", roles,
	           "add 的角色（必须给出）：admin 管理用户、全部流程；reviewer 查看全部、复核、审核和批复；\n"
	           "editor 上传和提交本部门的预算；viewer 只看已公开的"),
	CLI_LIST(0, "department", user_opts, depts, "部门", "用户所属的部门（可给多次；editor 只能看和改这些部门的）"),
	CLI_END,
};

static int cmd_user(void *arg, int argc, char **argv);
static const user_opts defaults = { .role = -1 };

const cli_command cli_cmd_user = {
	.name = "user",
	.summary = "管理 yusuan serve 的用户：add、list、del",
	.usage = usage,
	.description = "管理 yusuan serve 的用户（docs/api.md）。口令用 argon2id 散列后存入数据库，至少 8 个字节；\n"
	               "添加和删除都记入审计日志。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 正常，2 用法错误，3 输入被拒绝（用户已有、没有这个用户、口令太短），4 数据库出错\n",
	.max_args = 2,
	.opts_size = sizeof(user_opts),
	.defaults = &defaults,
	.run = cmd_user,
};

static int print_user(const ys_user *u, void *arg)
{
	(void)arg;
	printf("%s\t%s\t", u->name, ys_role_name(u->role) ? ys_role_name(u->role) : "?");
	for (int i = 0; i < u->ndepts; i++)
		printf("%s%s", i ? "、" : "", u->depts[i]);
	printf("\t%s\n", u->created_at);
	return 0;
}

static int cmd_user(void *arg, int argc, char **argv)
{
	const user_opts *o = arg;
	const cli_command *c = &cli_cmd_user;
	if (argc < 1)
		return cli_usage_error(c, "缺少子命令：add、list 或 del");
	const char *sub = argv[0], *name = argc > 1 ? argv[1] : NULL;
	int add = !strcmp(sub, "add"), del = !strcmp(sub, "del"), list = !strcmp(sub, "list");
	if (!add && !del && !list)
		return cli_usage_error(c, "“%s”不是子命令：应为 add、list 或 del", sub);
	if (!o->db)
		return cli_usage_error(c, "缺少 --db");
	if ((add || del) && !name)
		return cli_usage_error(c, "缺少用户名");
	if (list && name)
		return cli_usage_error(c, "多余的参数 %s", name);
	if (!add && (o->role >= 0 || o->depts.n))
		return cli_usage_error(c, "--role 和 --department 只用于 add");
	if (add && o->role < 0)
		return cli_usage_error(c, "缺少 --role");
	char pw[1100];
	if (add) {
		if (!fgets(pw, sizeof pw, stdin)) {
			fprintf(stderr, "yusuan: 没有从标准输入读到口令\n");
			return EXIT_INPUT;
		}
		pw[strcspn(pw, "\r\n")] = '\0';
	}
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_store *st = NULL;
	if (ys_store_open(&ctx, o->db, &st))
		return cli_fail(&ctx);
	int rc = EXIT_OK;
	if (add) {
		if (ys_user_add(&ctx, st, name, 1 << o->role, o->depts.v, o->depts.n, pw, "（命令行）"))
			rc = cli_fail(&ctx);
		else
			printf("添加了用户 %s（%s）\n", name, roles[o->role]);
		memset(pw, 0, sizeof pw);
	} else if (del) {
		if (ys_user_del(&ctx, st, name, "（命令行）"))
			rc = cli_fail(&ctx);
		else
			printf("删除了用户 %s\n", name);
	} else if (ys_user_list(&ctx, st, print_user, NULL)) {
		rc = cli_fail(&ctx);
	}
	ys_store_close(st);
	return rc;
}
