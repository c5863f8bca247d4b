"""The book as a whole: backups and restore, export, the integrity check and repair, the demo
book, and the lock that keeps two writers apart."""
