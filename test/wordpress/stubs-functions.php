<?php
/**
 * WordPress functions the plugin calls, stubbed with their documented behaviour; they record
 * into WP (stubs.php).
 */

function is_wp_error( $thing ): bool {
	return $thing instanceof WP_Error;
}

// Hooks.
function add_filter( string $hook, $callback, int $priority = 10, int $accepted_args = 1 ): bool {
	WP::$filters[ $hook ][ $priority ][] = array( $callback, $accepted_args );
	ksort( WP::$filters[ $hook ] );
	return true;
}
function add_action( string $hook, $callback, int $priority = 10, int $accepted_args = 1 ): bool {
	return add_filter( $hook, $callback, $priority, $accepted_args );
}
function apply_filters( string $hook, $value, ...$args ) {
	foreach ( WP::$filters[ $hook ] ?? array() as $callbacks ) {
		foreach ( $callbacks as list( $callback, $accepted ) ) {
			$value = $callback( ...array_slice( array_merge( array( $value ), $args ), 0, $accepted ) );
		}
	}
	return $value;
}
function do_action( string $hook, ...$args ): void {
	foreach ( WP::$filters[ $hook ] ?? array() as $callbacks ) {
		foreach ( $callbacks as list( $callback, $accepted ) ) {
			$callback( ...array_slice( $args, 0, $accepted ) );
		}
	}
}
function __return_true(): bool {
	return true;
}
function register_activation_hook( string $file, $callback ): void {
	WP::$activation[] = $callback;
}

// Options and transients.
function get_option( string $name, $default = false ) {
	return array_key_exists( $name, WP::$options ) ? WP::$options[ $name ] : $default;
}
function add_option( string $name, $value = '', $deprecated = '', $autoload = null ): bool {
	if ( array_key_exists( $name, WP::$options ) ) {
		return false;
	}
	WP::$options[ $name ]  = $value;
	WP::$autoload[ $name ] = $autoload;
	return true;
}
function update_option( string $name, $value ): bool {
	WP::$options[ $name ] = $value;
	return true;
}
function delete_option( string $name ): bool {
	unset( WP::$options[ $name ] );
	return true;
}
function get_transient( string $name ) {
	return WP::$transients[ $name ]['value'] ?? false;
}
function set_transient( string $name, $value, int $expiration = 0 ): bool {
	WP::$transients[ $name ] = array(
		'value'      => $value,
		'expiration' => $expiration,
	);
	return true;
}
function wp_salt( string $scheme = 'auth' ): string {
	return 'test-salt-' . $scheme;
}

// Escaping and translation (WordPress: no double encoding; esc_url drops unsafe characters and schemes).
function esc_attr( $text ): string {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8', false );
}
function esc_html( $text ): string {
	return esc_attr( $text );
}
function esc_textarea( $text ): string {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}
function esc_url_raw( string $url, ?array $protocols = null ): string {
	$url    = preg_replace( '|[^a-z0-9-~+_.?#=!&;,/:%@$\|*\'()\[\]\x80-\xff]|i', '', trim( $url ) );
	$scheme = strtolower( (string) parse_url( $url, PHP_URL_SCHEME ) );
	return in_array( $scheme, $protocols ?? array( 'http', 'https' ), true ) ? $url : '';
}
function esc_url( string $url ): string {
	return str_replace( array( '&', "'" ), array( '&#038;', '&#039;' ), esc_url_raw( $url ) );
}
function __( string $text, string $domain = 'default' ): string {
	return $text;
}
function esc_html__( string $text, string $domain = 'default' ): string {
	return esc_html( $text );
}
function wp_json_encode( $data ) {
	return json_encode( $data );
}
function wp_parse_url( string $url, int $component = -1 ) {
	return parse_url( $url, $component );
}

// URLs and capabilities.
function home_url( string $path = '' ): string {
	return WP::$home . $path;
}
function rest_url( string $path = '' ): string {
	return WP::$home . '/wp-json/' . ltrim( $path, '/' );
}
function plugins_url( string $path, string $plugin_file ): string {
	return 'https://example.test/wp-content/plugins/' . basename( dirname( $plugin_file ) ) . '/' . $path;
}
function current_user_can( string $capability ): bool {
	return WP::$can;
}

// Scripts. Script modules exist only from WordPress 6.5: the legacy run leaves them out.
function wp_register_script( string $handle, string $src, array $deps = array(), $ver = false, $args = array() ): bool {
	WP::$scripts[ $handle ] = array( 'src' => $src, 'ver' => $ver, 'args' => $args, 'kind' => 'classic' );
	return true;
}
function wp_enqueue_script( string $handle ): void {
	WP::$enqueued[] = array( 'classic', $handle );
}
if ( ! getenv( 'IWY_WP_LEGACY' ) ) {
	function wp_register_script_module( string $id, string $src, array $deps = array(), $version = false ): void {
		WP::$scripts[ $id ] = array( 'src' => $src, 'ver' => $version, 'kind' => 'module' );
	}
	function wp_enqueue_script_module( string $id, string $src = '', array $deps = array(), $version = false ): void {
		WP::$enqueued[] = array( 'module', $id );
	}
}

// Shortcodes, blocks, REST, admin.
function add_shortcode( string $tag, callable $callback ): void {
	WP::$shortcodes[ $tag ] = $callback;
}
function shortcode_atts( array $pairs, $atts, string $shortcode = '' ): array {
	$atts = (array) $atts;
	$out  = array();
	foreach ( $pairs as $name => $default ) {
		$out[ $name ] = array_key_exists( $name, $atts ) ? $atts[ $name ] : $default;
	}
	return '' === $shortcode ? $out : apply_filters( "shortcode_atts_{$shortcode}", $out, $pairs, $atts, $shortcode );
}
function register_block_type( string $path, array $args = array() ) {
	$metadata = json_decode( (string) file_get_contents( $path . '/block.json' ), true, 512, JSON_THROW_ON_ERROR );
	WP::$blocks[ $metadata['name'] ] = array( 'metadata' => $metadata, 'args' => $args, 'dir' => $path );
	return true;
}
function get_block_wrapper_attributes( array $extra = array() ): string {
	return 'class="wp-block-iwy-agent-agent"';
}
function register_rest_route( string $namespace, string $route, array $args ): bool {
	WP::$routes[ $namespace . $route ] = $args;
	return true;
}
function register_setting( string $group, string $name, array $args = array() ): void {
	WP::$settings[ $name ] = array( 'group' => $group ) + $args;
}
function add_options_page( string $page_title, string $menu_title, string $capability, string $slug, callable $callback ) {
	WP::$pages[ $slug ] = compact( 'page_title', 'capability', 'callback' );
	return 'settings_page_' . $slug;
}
function add_settings_error( string $setting, string $code, string $message, string $type = 'error' ): void {
	WP::$errors[] = compact( 'setting', 'code', 'message', 'type' );
}
function settings_fields( string $group ): void {
	echo '<input type="hidden" name="option_page" value="' . esc_attr( $group ) . '">';
}
function submit_button(): void {
	echo '<input type="submit" class="button-primary" value="Save Changes">';
}

// HTTP API: wp_remote_post hands the request to the test's WP::$http.
function wp_remote_post( string $url, array $args = array() ) {
	WP::$http_calls[] = array( 'url' => $url, 'args' => $args );
	return ( WP::$http )( $url, $args );
}
function wp_remote_retrieve_response_code( $response ) {
	return is_array( $response ) ? $response['response']['code'] : '';
}
function wp_remote_retrieve_body( $response ): string {
	return is_array( $response ) ? $response['body'] : '';
}
function wp_remote_retrieve_header( $response, string $header ) {
	foreach ( is_array( $response ) ? $response['headers'] : array() as $name => $value ) {
		if ( strtolower( $name ) === strtolower( $header ) ) {
			return $value;
		}
	}
	return '';
}
