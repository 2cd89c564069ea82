# A raw TCP connection.
import socket

connection = socket.create_connection(("example.com", 80), timeout=5)
connection.sendall(b"GET / HTTP/1.0\r\n\r\n")
print(connection.recv(100))
