-- Each service creates and migrates its own database under the support_ prefix.
GRANT ALL PRIVILEGES ON `support\_%`.* TO 'support'@'%';
FLUSH PRIVILEGES;
