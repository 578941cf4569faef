"""The cases pages: the applicant's (申请, 我的办件), the window's (综合窗口), the inbox and workbench,
supervision (督办), notices and files. Thin: they read through the selectors and act through the services."""
