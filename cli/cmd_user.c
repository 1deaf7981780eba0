/*
 * cmd_user.c - yusuan user add NAME --role R [--department D]… --db DB
 *              yusuan user list --db DB | yusuan user del NAME --db DB
 *
 * The server's users (serve.h): the library keeps them; this reads the
 * command line and the password (one line of standard input) and prints.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yusuan/serve.h"

static const char usage[] =
	"用法：yusuan user add NAME --role R [--department D]... --db DB   （口令从标准输入读一行）\n"
	"      yusuan user list --db DB\n"
	"      yusuan user del NAME --db DB\n"
	"\n"
	"管理 yusuan serve 的用户。\n"
	"  --role R            admin（管理用户，全部流程）、reviewer（查看全部、审核、批复）、\n"
	"                      editor（上传和提交本部门的预算）、viewer（只看已公开的）\n"
	"  --department D      用户所属的部门（可给多次；editor 只能看和改这些部门的）\n"
	"  --db DB             数据库：文件路径、sqlite:路径或 postgresql://…\n"
	"\n"
	"退出码：0 正常，2 用法错误，3 输入被拒绝（用户已有、没有这个用户、口令太短），4 数据库出错\n";

static int print_user(const ys_user *u, void *arg)
{
	(void)arg;
	printf("%s\t%s\t", u->name, ys_role_name(u->role) ? ys_role_name(u->role) : "?");
	for (int i = 0; i < u->ndepts; i++)
		printf("%s%s", i ? "、" : "", u->depts[i]);
	printf("\t%s\n", u->created_at);
	return 0;
}

int cmd_user(int argc, char **argv)
{
	const char *db = NULL, *role = NULL, *name = NULL, *sub = NULL;
	const char *depts[YS_USER_DEPTS_MAX];
	int ndepts = 0;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--role", &missing))) {
			role = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--department", &missing))) {
			if (ndepts == YS_USER_DEPTS_MAX)
				return cli_usage_error(usage, "--department 最多给 %d 次", YS_USER_DEPTS_MAX);
			depts[ndepts++] = v;
		} else if (missing) {
			return cli_usage_error(usage, "%s 需要一个值", argv[i]);
		} else if (argv[i][0] == '-') {
			return cli_usage_error(usage, "不认识的选项 %s", argv[i]);
		} else if (!sub) {
			sub = argv[i];
		} else if (!name) {
			name = argv[i];
		} else {
			return cli_usage_error(usage, "多余的参数 %s", argv[i]);
		}
	}
	if (!sub)
		return cli_usage_error(usage, "缺少子命令：add、list 或 del");
	int add = !strcmp(sub, "add"), del = !strcmp(sub, "del"), list = !strcmp(sub, "list");
	if (!add && !del && !list)
		return cli_usage_error(usage, "“%s”不是子命令：应为 add、list 或 del", sub);
	if (!db)
		return cli_usage_error(usage, "缺少 --db");
	if ((add || del) && !name)
		return cli_usage_error(usage, "缺少用户名");
	if (list && name)
		return cli_usage_error(usage, "多余的参数 %s", name);
	if (!add && (role || ndepts))
		return cli_usage_error(usage, "--role 和 --department 只用于 add");
	int r = 0;
	if (add && !(r = ys_role_parse(role ? role : "")))
		return cli_usage_error(usage, role ? "“%s”不是角色：应为 admin、reviewer、editor 或 viewer"
		                                   : "缺少 --role%s", role ? role : "");
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
	if (ys_store_open(&ctx, db, &st))
		return cli_fail(&ctx);
	int rc = EXIT_OK;
	if (add && ys_user_add(&ctx, st, name, r, depts, ndepts, pw, "（命令行）"))
		rc = cli_fail(&ctx);
	else if (add)
		printf("添加了用户 %s（%s）\n", name, role);
	if (del && ys_user_del(&ctx, st, name, "（命令行）"))
		rc = cli_fail(&ctx);
	else if (del)
		printf("删除了用户 %s\n", name);
	if (list && ys_user_list(&ctx, st, print_user, NULL))
		rc = cli_fail(&ctx);
	memset(pw, 0, sizeof pw);
	ys_store_close(st);
	return rc;
}
