namespace vnkg {}
