/*
 * killer.c - run a command and SIGKILL it at a random moment; say where in
 * its SQLite write the kill landed.  A helper of tests/cli/t0011-crash.sh.
 *
 *     killer kill MIN_US MAX_US SEED DB -- CMD [ARG...]
 *     killer lock MAX_US SEED DB -- CMD [ARG...]
 *     killer probe DB -- CMD [ARG...]
 *
 * kill waits a delay drawn uniformly from [MIN_US, MAX_US) microseconds after
 * the start; lock waits until the command takes the WAL write lock on DB (its
 * first write transaction begins), then a delay drawn from [0, MAX_US).  SEED
 * makes the draw repeatable.  Then the command is stopped (SIGSTOP) so that
 * it is frozen where it stands, the locks it holds on DB-shm are looked at,
 * and it is killed (SIGKILL).  Prints one line "<where> <delay_us> <status>":
 *
 *   exited      the command finished before the kill (status: its exit code)
 *   outside     killed outside a write transaction (before it, or after it
 *               committed: the database tells which)
 *   during      killed holding the WAL write lock: inside BEGIN..COMMIT
 *   checkpoint  killed holding the checkpoint lock (copying the WAL back
 *               into the database on close, after the commit)
 *
 * probe runs the command to its end, polling the write lock every 100 us, and
 * prints "<write_from> <write_to> <exit>" in microseconds since the start
 * (-1 -1 when it never held the lock): where its transactions lie in time.
 *
 * The locks are the unix VFS's on the -shm file: byte 120 is the WAL write
 * lock, 121 the checkpoint lock (SQLite's wal.c: WAL_WRITE_LOCK and
 * WAL_CKPT_LOCK after UNIX_SHM_BASE 120).  The command's output goes to
 * /dev/null.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Does pid hold a lock on byte off of fd? */
static int holds(int fd, off_t off, pid_t pid)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = off;
	fl.l_len = 1;
	if (fcntl(fd, F_GETLK, &fl) != 0)
		return 0;
	return fl.l_type != F_UNLCK && fl.l_pid == pid;
}

/* Does pid hold the write lock of the database whose -shm is shm?  Keeps
 * the file open in *fd once it exists. */
static int writing(const char *shm, int *fd, pid_t pid)
{
	if (*fd < 0)
		*fd = open(shm, O_RDWR);
	return *fd >= 0 && holds(*fd, 120, pid);
}

static long now_us(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000000 + (t.tv_nsec - t0->tv_nsec) / 1000;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static pid_t spawn(char **argv)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		int dn = open("/dev/null", O_WRONLY);
		if (dn >= 0) {
			dup2(dn, 1);
			dup2(dn, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static int probe(const char *shm, char **cmd)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = spawn(cmd);
	long from = -1, to = -1;
	int fd = -1, st;
	while (waitpid(pid, &st, WNOHANG) == 0) {
		if (writing(shm, &fd, pid)) {
			long t = now_us(&t0);
			if (from < 0)
				from = t;
			to = t;
		}
		sleep_us(100);
	}
	if (fd >= 0)
		close(fd);
	printf("%ld %ld %ld\n", from, to, now_us(&t0));
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* Stop pid, see where it stands, kill it; print the line. */
static void stop_and_kill(pid_t pid, const char *shm, long us)
{
	int st;
	const char *where = "exited";
	if (waitpid(pid, &st, WNOHANG) != pid) {
		kill(pid, SIGSTOP);
		if (waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st)) {
			where = "outside";
			int fd = open(shm, O_RDWR);
			if (fd >= 0) {
				if (holds(fd, 120, pid))
					where = "during";
				else if (holds(fd, 121, pid))
					where = "checkpoint";
				close(fd);
			}
			kill(pid, SIGKILL);
			kill(pid, SIGCONT);
			waitpid(pid, &st, 0);
		}
	}
	printf("%s %ld %d\n", where, us, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static long draw(long min, long max)
{
	if (max <= min)
		return min;
	/* uniform in [min, max): rand() scaled in integers */
	return min + (long)((unsigned long long)rand() * (unsigned long long)(max - min) /
	                    ((unsigned long long)RAND_MAX + 1));
}

int main(int argc, char **argv)
{
	char shm[4096];
	if (argc >= 5 && !strcmp(argv[1], "probe") && !strcmp(argv[3], "--")) {
		snprintf(shm, sizeof shm, "%s-shm", argv[2]);
		return probe(shm, argv + 4);
	}
	if (argc >= 8 && !strcmp(argv[1], "kill") && !strcmp(argv[6], "--")) {
		srand((unsigned)strtoul(argv[4], NULL, 10));
		long us = draw(atol(argv[2]), atol(argv[3]));
		snprintf(shm, sizeof shm, "%s-shm", argv[5]);
		pid_t pid = spawn(argv + 7);
		sleep_us(us);
		stop_and_kill(pid, shm, us);
		return 0;
	}
	if (argc >= 7 && !strcmp(argv[1], "lock") && !strcmp(argv[5], "--")) {
		srand((unsigned)strtoul(argv[3], NULL, 10));
		long us = draw(0, atol(argv[2]));
		snprintf(shm, sizeof shm, "%s-shm", argv[4]);
		pid_t pid = spawn(argv + 6);
		int fd = -1, st;
		/* spin (briefly yielding) until the write lock is taken or the
		 * command is gone */
		while (!writing(shm, &fd, pid)) {
			if (waitpid(pid, &st, WNOHANG) == pid) {
				printf("exited %ld %d\n", us, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
				return 0;
			}
			sleep_us(20);
		}
		if (fd >= 0)
			close(fd);
		sleep_us(us);
		stop_and_kill(pid, shm, us);
		return 0;
	}
	fprintf(stderr, "usage: killer kill MIN_US MAX_US SEED DB -- CMD [ARG...]\n"
	                "       killer lock MAX_US SEED DB -- CMD [ARG...]\n"
	                "       killer probe DB -- CMD [ARG...]\n");
	return 2;
}
