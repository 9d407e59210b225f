/* A header that would redefine FL_CHECK if the checks included it. */
#define FL_CHECK(ID, TITLE, ...) static void ignored_##ID(void)
