// The HTTP side on Boost.Beast: accept, read a request within limits, hand it
// to a worker, write the response; signals stop it.
//
// I/O is asynchronous on a few threads, so a slow client holds no worker:
// each request must arrive whole within request_timeout (header and body; a
// keep-alive connection idle that long is closed too), and each response
// must be taken within write_timeout. Handling (SPARQL, pages) runs on a pool
// of `workers` threads; at most `max_queued` requests wait for one.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>

#include "vnkg/serve/server.h"

namespace vnkg {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds Millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

}  // namespace

struct Server::Impl {
  // Declared before the io_context and the pool: sessions still queued in them
  // when they are destroyed use these on their way out.
  ServeOptions options;
  std::ostream* log = nullptr;
  std::mutex log_mutex;
  std::unique_ptr<Handler> handler;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> queued{0};
  std::atomic<bool> stopping{false};
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::optional<asio::thread_pool> workers;

  void Log(const std::string& line) {
    std::lock_guard lock(log_mutex);
    *log << "vnkg serve: " << line << std::endl;
  }
  void Accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    server_.connections.fetch_add(1);
  }
  ~Session() { server_.connections.fetch_sub(1); }

  void Start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    parser_->body_limit(server_.options.max_body_bytes);
    // One clock for the whole request: a client dribbling bytes gets no more time.
    stream_.expires_after(Millis(server_.options.request_timeout));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    auto& request = parser_->get();
    version_ = request.version();
    if (auto length = parser_->content_length(); length && *length > server_.options.max_body_bytes)
      return Respond(Error(413, "the request body is " + std::to_string(*length) + " bytes; at most " +
                                    std::to_string(server_.options.max_body_bytes) + " are accepted"),
                     false);
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, version_);
      stream_.expires_after(Millis(server_.options.request_timeout));
      http::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code e, std::size_t) {
        if (e) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  static HttpResponse Error(unsigned status, std::string message) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(message) + "\n";
    return r;
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return Close();
    if (ec == beast::error::timeout) return Close();  // slow or idle: the connection goes
    if (ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == http::error::partial_message)
      return Close();
    if (ec == http::error::header_limit)
      return Respond(Error(431, "the request line and headers exceed " +
                                    std::to_string(server_.options.max_header_bytes) + " bytes"),
                     false);
    if (ec == http::error::body_limit)
      return Respond(Error(413, "the request body exceeds " + std::to_string(server_.options.max_body_bytes) +
                                    " bytes"),
                     false);
    return Respond(Error(400, "malformed HTTP request: " + ec.message()), false);
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.content_type = std::string(message[http::field::content_type]);
    request.accept = std::string(message[http::field::accept]);
    request.body = std::move(message.body());
    if (server_.stopping.load()) return Respond(Error(503, "the server is stopping"), false);
    if (server_.queued.fetch_add(1) >= server_.options.max_queued) {
      server_.queued.fetch_sub(1);
      HttpResponse busy = Error(503, "too many requests are waiting; try again shortly");
      busy.headers.emplace_back("Retry-After", "1");
      return Respond(std::move(busy), keep_alive_);
    }
    asio::post(*server_.workers, [self = shared_from_this(), request = std::move(request)]() mutable {
      HttpResponse response;
      try {
        response = self->server_.handler->Handle(request);
      } catch (const std::exception& e) {
        response = Error(500, std::string("internal error: ") + e.what());
      }
      self->server_.queued.fetch_sub(1);
      if (response.status >= 500 && response.status != 503)
        self->server_.Log(request.method + " " + request.target.substr(0, 200) + ": " +
                          std::to_string(response.status) + " " + response.body.substr(0, 300));
      asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->Respond(std::move(response), self->keep_alive_);
      });
    });
  }

  void Respond(HttpResponse response, bool keep_alive) {
    auto message = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), version_ ? version_ : 11);
    message->set(http::field::server, "vnkg");
    message->set(http::field::content_type, response.content_type);
    message->set("X-Content-Type-Options", "nosniff");
    if (response.content_type.rfind("text/html", 0) == 0)
      message->set("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'");
    for (auto& [name, value] : response.headers) message->set(name, value);
    message->keep_alive(keep_alive);
    message->body() = std::move(response.body);
    message->prepare_payload();
    stream_.expires_after(Millis(server_.options.write_timeout));
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
                        if (ec) return self->Close();
                        if (!keep_alive || self->server_.stopping.load()) return self->Drain();
                        self->ReadHeader();
                      });
  }

  // After a final response: stop sending, read (and drop) what the client is
  // still sending for a moment, so that it sees the response rather than a
  // reset, then close.
  void Drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drained_ = 0;
    DrainMore();
  }
  void DrainMore() {
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > 8 * 1024 * 1024) return self->Close();
      self->DrainMore();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  std::array<char, 16384> scratch_{};
  std::size_t drained_ = 0;
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || stopping.load()) return;
    if (!ec) {
      if (connections.load() >= options.max_connections) {
        beast::error_code ignored;
        socket.close(ignored);  // over the limit: refused at once
      } else {
        std::make_shared<Session>(std::move(socket), *this)->Start();
      }
    }
    Accept();
  });
}

Server::Server() : impl_(std::make_unique<Impl>()) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options, std::ostream& log) {
  std::unique_ptr<Server> server(new Server());
  Impl& impl = *server->impl_;
  impl.options = options;
  if (impl.options.workers == 0) impl.options.workers = 1;
  impl.log = &log;
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.bind, ec);
  if (ec) return Status::InvalidArgument("--bind '" + options.bind + "' is not an IP address");
  auto handler = Handler::Create(impl.options);
  if (!handler.ok()) return handler.status();
  impl.handler = std::move(handler.value());
  const tcp::endpoint endpoint(address, options.port);
  const std::string where = options.bind + ":" + std::to_string(options.port);
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  if (!address.is_loopback())
    impl.Log("WARNING: listening on " + options.bind +
             ", not loopback. There is no authentication: anyone who can reach this address can read the "
             "whole graph.");
  return server;
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::Stop() {
  if (impl_->stopping.exchange(true)) return;
  impl_->handler->CancelQueries();
  {
    std::lock_guard lock(impl_->stop_mutex);
  }
  impl_->stop_cv.notify_all();
  asio::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->signals.cancel(ignored);
    impl_->ioc.stop();
  });
}

void Server::Run() {
  Impl& impl = *impl_;
  impl.workers.emplace(impl.options.workers);
  impl.signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    impl_->Log(std::string("stopping (") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + ")");
    Stop();
  });
  impl.Accept();
  impl.Log("serving " + impl.handler->Describe() + " at http://" + impl.options.bind + ":" +
           std::to_string(port()) + "/ (SPARQL at /sparql); read-only; Ctrl-C stops");
  std::thread refresher([&impl] {
    if (!(impl.options.refresh_seconds > 0)) return;
    std::string last_error;
    std::unique_lock lock(impl.stop_mutex);
    while (!impl.stopping.load()) {
      impl.stop_cv.wait_for(lock, Millis(impl.options.refresh_seconds), [&] { return impl.stopping.load(); });
      if (impl.stopping.load()) break;
      lock.unlock();
      auto swapped = impl.handler->Refresh();
      if (!swapped.ok()) {
        if (swapped.status().message() != last_error) impl.Log("cannot refresh: " + swapped.status().message());
        last_error = swapped.status().message();
      } else {
        last_error.clear();
        if (swapped.value()) impl.Log("now serving " + impl.handler->Describe());
      }
      lock.lock();
    }
  });
  const std::size_t io_threads = 2;
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < io_threads; ++i) threads.emplace_back([&impl] { impl.ioc.run(); });
  impl.ioc.run();
  for (auto& t : threads) t.join();
  impl.stopping.store(true);
  impl.stop_cv.notify_all();
  refresher.join();
  impl.workers->stop();  // requests still waiting are dropped with their connections
  impl.workers->join();
  impl.Log("stopped");
}

}  // namespace vnkg
